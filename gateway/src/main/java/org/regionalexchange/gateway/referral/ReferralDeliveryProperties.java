package org.regionalexchange.gateway.referral;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How referrals and their steps are delivered to other nodes (docs/referrals.md "Delivery").
 *
 * @param initialBackoff  pause after the first failed attempt
 * @param multiplier      each further pause is the previous one times this
 * @param maxBackoff      no pause is longer than this (the cap)
 * @param jitter          each pause is shortened by a random part of up to this fraction, so that
 *                        the nodes of a region do not all retry at the same instant
 * @param pollInterval    how often the courier looks for due messages when nothing woke it
 * @param connectTimeout  time to open a connection to the other node
 * @param requestTimeout  time to wait for the other node's receipt
 * @param workers         couriers delivering at once (each message is locked by the one that took it;
 *                        one referral's messages still go in order)
 */
@ConfigurationProperties(ReferralDeliveryProperties.PREFIX)
public record ReferralDeliveryProperties(@DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("2.0") double multiplier, @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("0.2") double jitter, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("2") int workers) implements CheckedProperties {

    public static final String PREFIX = "gateway.referral.delivery";

    /** The pause after {@code attempts} failed attempts, before jitter: initial × multiplier^(attempts-1), capped. */
    Duration backoff(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** The pause with its jitter: {@code random} in [0, 1) takes up to {@code jitter} of it away. */
    Duration backoff(int attempts, double random) {
        Duration pause = backoff(attempts);
        return Duration.ofMillis((long) (pause.toMillis() * (1.0 - jitter * random)));
    }

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || initialBackoff.compareTo(Duration.ofHours(1)) > 0) {
            problems.reject(prefix + ".initial-backoff", initialBackoff, "must be between 1 ms and 1 hour");
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            problems.reject(prefix + ".multiplier", multiplier, "must be between 1 and 10");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Duration.ofDays(1)) > 0) {
            problems.reject(prefix + ".max-backoff", maxBackoff, "must be between initial-backoff and 1 day");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            problems.reject(prefix + ".jitter", jitter, "must be at least 0 and below 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.reject(prefix + ".poll-interval", pollInterval, "must be between 1 ms and 10 minutes");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.reject(prefix + ".connect-timeout", connectTimeout, "must be between 1 ms and 1 minute");
        }
        if (workers < 1 || workers > 16) {
            problems.reject(prefix + ".workers", workers, "must be between 1 and 16");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.reject(prefix + ".request-timeout", requestTimeout, "must be between 1 ms and 5 minutes");
        }
    }
}
