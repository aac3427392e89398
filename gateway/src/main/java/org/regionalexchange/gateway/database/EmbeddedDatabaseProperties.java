package org.regionalexchange.gateway.database;

import java.nio.file.Path;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set (evaluation mode).
 *
 * @param dataDirectory where the database files live; they survive a restart
 * @param port          TCP port on 127.0.0.1; 0 picks a free port at each start
 */
@ConfigurationProperties(EmbeddedDatabaseProperties.PREFIX)
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port) implements CheckedProperties {

    public static final String PREFIX = "gateway.embedded-database";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (port < 0 || port > 65535) {
            problems.reject(prefix + ".port", port, "must be 0 (any free port) or 1 to 65535");
        }
        if (dataDirectory == null || dataDirectory.toString().isBlank()) {
            problems.reject(prefix + ".data-directory", dataDirectory, "required");
        }
    }
}
