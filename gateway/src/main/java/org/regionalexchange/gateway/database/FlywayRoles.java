package org.regionalexchange.gateway.database;

import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the application's role in the migrations that grant it its privileges ({@code ${app_role}}). */
@Configuration(proxyBeanMethods = false)
class FlywayRoles {

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(DatabaseProperties properties) {
        return configuration -> configuration.placeholders(Map.of("app_role", properties.appRole()));
    }
}
