package org.regionalexchange.gateway.statistics;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.statistics.disclosure.Threshold;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's statistics (docs/statistics.md).
 *
 * @param threshold      k: no published cell describes fewer than k persons; at least 5 (it can only
 *                       be raised). A month already released keeps the threshold it was released with
 * @param maxMonths      the longest period one call may ask for, in months
 * @param releaseDelay   how long after a month ends its figures are released (and then never change),
 *                       so that requests received at the end of the month are mostly decided
 * @param connectTimeout time to open a connection to another node for its statistics
 * @param nodeTimeout    time to wait for another node's statistics; a node that has not answered by
 *                       then is named in the region's figures as not answering
 * @param releaseCheck   how often the node checks, in the background, whether a month is due for
 *                       release, and releases it (so that no caller waits for it to be counted)
 * @param releaseCheckDelay when the first check runs after start-up (not to compete with the start)
 */
@ConfigurationProperties(StatisticsProperties.PREFIX)
public record StatisticsProperties(@DefaultValue("5") int threshold, @DefaultValue("36") int maxMonths,
        @DefaultValue("3d") Duration releaseDelay, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration nodeTimeout, @DefaultValue("1h") Duration releaseCheck,
        @DefaultValue("3m") Duration releaseCheckDelay) implements CheckedProperties {

    public static final String PREFIX = "gateway.statistics";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (threshold < Threshold.MINIMUM || threshold > Threshold.MAXIMUM) {
            problems.reject(prefix + ".threshold", threshold, "must be between " + Threshold.MINIMUM + " and "
                    + Threshold.MAXIMUM + " (it can be raised, never set below " + Threshold.MINIMUM + ")");
        }
        if (maxMonths < 1 || maxMonths > 120) {
            problems.reject(prefix + ".max-months", maxMonths, "must be between 1 and 120");
        }
        if (releaseDelay == null || releaseDelay.isNegative() || releaseDelay.compareTo(Duration.ofDays(60)) > 0) {
            problems.reject(prefix + ".release-delay", releaseDelay, "must be between 0 and 60 days");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || connectTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.reject(prefix + ".connect-timeout", connectTimeout, "must be between 1 ms and 1 minute");
        }
        if (nodeTimeout == null || nodeTimeout.isNegative() || nodeTimeout.isZero()
                || nodeTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.reject(prefix + ".node-timeout", nodeTimeout, "must be between 1 ms and 5 minutes");
        }
        if (releaseCheck == null || releaseCheck.compareTo(Duration.ofMinutes(1)) < 0
                || releaseCheck.compareTo(Duration.ofDays(1)) > 0) {
            problems.reject(prefix + ".release-check", releaseCheck, "must be between 1 minute and 1 day");
        }
        if (releaseCheckDelay == null || releaseCheckDelay.isNegative()
                || releaseCheckDelay.compareTo(Duration.ofDays(1)) > 0) {
            problems.reject(prefix + ".release-check-delay", releaseCheckDelay, "must be between 0 and 1 day");
        }
    }
}
