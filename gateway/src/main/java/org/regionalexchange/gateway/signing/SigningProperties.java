package org.regionalexchange.gateway.signing;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Verification of envelopes from other nodes.
 *
 * @param clockWindow how far an envelope's {@code iat} may lie before or after this node's clock
 */
@ConfigurationProperties(SigningProperties.PREFIX)
public record SigningProperties(@DefaultValue("120s") Duration clockWindow) implements CheckedProperties {

    public static final String PREFIX = "gateway.signing";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (clockWindow.compareTo(Duration.ofSeconds(5)) < 0 || clockWindow.compareTo(Duration.ofMinutes(15)) > 0) {
            problems.reject(prefix + ".clock-window", clockWindow, "must be between 5 seconds and 15 minutes");
        }
    }
}
