package org.regionalexchange.gateway.exchange;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node talks to other nodes.
 *
 * @param connectTimeout time to open a connection to a holder node
 * @param requestTimeout time to wait for a holder node's answer to one attempt
 * @param attempts       attempts per request; a retry re-sends the same signed envelope, which the
 *                       holder recognizes by its {@code jti} and answers with the same decision
 * @param retryBackoff   pause before the second attempt; doubled before each further one
 */
@ConfigurationProperties(ExchangeProperties.PREFIX)
public record ExchangeProperties(@DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout, @DefaultValue("3") int attempts,
        @DefaultValue("200ms") Duration retryBackoff) implements CheckedProperties {

    public static final String PREFIX = "gateway.exchange";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.reject(prefix + ".connect-timeout", connectTimeout, "must be between 1 ms and 1 minute");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.reject(prefix + ".request-timeout", requestTimeout, "must be between 1 ms and 5 minutes");
        }
        if (attempts < 1 || attempts > 10) {
            problems.reject(prefix + ".attempts", attempts, "must be between 1 and 10");
        }
        if (retryBackoff.isNegative() || retryBackoff.compareTo(Duration.ofSeconds(30)) > 0) {
            problems.reject(prefix + ".retry-backoff", retryBackoff, "must be between 0 and 30 seconds");
        }
    }
}
