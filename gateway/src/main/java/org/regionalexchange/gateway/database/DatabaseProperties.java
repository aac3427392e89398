package org.regionalexchange.gateway.database;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database roles (docs/configuration.md): migrations run as the schema owner
 * ({@code spring.flyway.user}); the application connects as {@code appRole}
 * ({@code spring.datasource.username}), which the migrations grant full DML on business tables but
 * only INSERT and SELECT on the access log. In evaluation mode the embedded PostgreSQL creates it.
 *
 * @param appRole the PostgreSQL role the application connects as; a plain lower-case identifier
 */
@ConfigurationProperties(DatabaseProperties.PREFIX)
public record DatabaseProperties(@DefaultValue("gateway_app") String appRole) implements CheckedProperties {

    public static final String PREFIX = "gateway.database";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (appRole == null || !appRole.matches("[a-z_][a-z0-9_]{0,62}") || appRole.equals("postgres")) {
            problems.reject(prefix + ".app-role", appRole,
                    "must be a lower-case PostgreSQL identifier ([a-z_][a-z0-9_]*, at most 63) other than postgres");
        }
    }
}
