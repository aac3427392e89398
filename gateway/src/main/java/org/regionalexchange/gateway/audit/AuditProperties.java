package org.regionalexchange.gateway.audit;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data-protection officer's views of the access log (docs/dpo-guide.md).
 *
 * @param defaultPageSize            events per page when the DPO names no {@code size}
 * @param maxPageSize                the largest {@code size} accepted
 * @param fetchSize                  rows fetched per round trip when the chain is verified or exported
 * @param alertWindow                how far back the alerts look
 * @param justificationReuseSubjects alert when one justification (by fingerprint) of one agency
 *                                   concerns at least this many distinct subjects in the window
 * @param notAvailableAnswers        alert when one requesting officer got at least this many
 *                                   {@code NOT_AVAILABLE} answers in the window
 * @param burstPerMinute             alert when one officer sent or had decided at least this many
 *                                   requests within one clock minute
 */
@ConfigurationProperties(AuditProperties.PREFIX)
public record AuditProperties(@DefaultValue("50") int defaultPageSize, @DefaultValue("500") int maxPageSize,
        @DefaultValue("1000") int fetchSize, @DefaultValue("24h") Duration alertWindow,
        @DefaultValue("3") int justificationReuseSubjects, @DefaultValue("5") int notAvailableAnswers,
        @DefaultValue("20") int burstPerMinute) implements CheckedProperties {

    public static final String PREFIX = "gateway.audit";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (maxPageSize < 1 || maxPageSize > 10_000) {
            problems.reject(prefix + ".max-page-size", maxPageSize, "must be between 1 and 10000");
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            problems.reject(prefix + ".default-page-size", defaultPageSize, "must be between 1 and max-page-size");
        }
        if (fetchSize < 10 || fetchSize > 100_000) {
            problems.reject(prefix + ".fetch-size", fetchSize, "must be between 10 and 100000");
        }
        if (alertWindow == null || alertWindow.isNegative() || alertWindow.isZero()
                || alertWindow.compareTo(Duration.ofDays(366)) > 0) {
            problems.reject(prefix + ".alert-window", alertWindow, "must be between 1 ms and 366 days");
        }
        if (justificationReuseSubjects < 2) {
            problems.reject(prefix + ".justification-reuse-subjects", justificationReuseSubjects, "must be at least 2");
        }
        if (notAvailableAnswers < 1) {
            problems.reject(prefix + ".not-available-answers", notAvailableAnswers, "must be at least 1");
        }
        if (burstPerMinute < 1) {
            problems.reject(prefix + ".burst-per-minute", burstPerMinute, "must be at least 1");
        }
    }
}
