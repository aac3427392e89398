package org.regionalexchange.gateway.agreements;

import java.nio.file.Files;
import java.nio.file.Path;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the node's data-sharing agreements come from.
 *
 * @param file the agreements deployment file (YAML, schema {@code agreements-file.json}), loaded at
 *             every start-up: an agreement it lists is created or updated to match it (an Envers
 *             revision with reason {@code deployment file}). Unset: agreements are managed only
 *             through {@code /api/v1/admin/agreements}.
 */
@ConfigurationProperties(AgreementsProperties.PREFIX)
public record AgreementsProperties(Path file) implements CheckedProperties {

    public static final String PREFIX = "gateway.agreements";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (file != null && !Files.isReadable(file)) {
            problems.reject(prefix + ".file", file, "no readable file there");
        }
    }
}
