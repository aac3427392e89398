package org.regionalexchange.gateway.validation;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the officer-facing API.
 *
 * @param maxBodyBytes largest accepted request body in bytes; a larger body gets {@code 400 body_too_large}
 */
@ConfigurationProperties(ApiProperties.PREFIX)
public record ApiProperties(@DefaultValue("262144") int maxBodyBytes) implements CheckedProperties {

    public static final String PREFIX = "gateway.api";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            problems.reject(prefix + ".max-body-bytes", maxBodyBytes, "must be between 1024 and 16777216");
        }
    }
}
