package org.regionalexchange.gateway.sampledata;

import java.nio.file.Files;
import java.nio.file.Path;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sample records and consents for evaluation (the local region sets it; production and tests do not).
 *
 * @param location a sample-data file (YAML: {@code records}, each with {@code holderAgency}, a
 *                 {@code record} valid against schema {@code record} and optional {@code consents}),
 *                 loaded at start-up through the record and consent services, attributed to
 *                 {@code system} with reason {@code sample data}. Records whose {@code holderRecordRef}
 *                 the agency already holds are skipped, so loading is idempotent. Unset: nothing loaded.
 */
@ConfigurationProperties(SampleDataProperties.PREFIX)
public record SampleDataProperties(Path location) implements CheckedProperties {

    public static final String PREFIX = "gateway.sample-data";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (location != null && !Files.isReadable(location)) {
            problems.reject(prefix + ".location", location, "no readable file there");
        }
    }
}
