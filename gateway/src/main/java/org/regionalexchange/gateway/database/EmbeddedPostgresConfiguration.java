package org.regionalexchange.gateway.database;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Evaluation mode (docs/design.md §10): with no {@code spring.datasource.url}, the node runs a
 * real PostgreSQL from the binaries of a Maven artifact, with its files in a local folder that
 * survives a restart. Production sets {@code spring.datasource.*} and never reaches this class.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    /**
     * The server begun by {@link EarlyEmbeddedPostgres} while the context was being built, or, in
     * a context where it was not begun, started now; a failed start fails this bean with what the
     * start threw.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ObjectProvider<EmbeddedPostgresStart> early, EmbeddedDatabaseProperties properties,
            DatabaseProperties database) throws IOException {
        return early.getIfAvailable(() -> EmbeddedPostgresStart.begin(properties, database)).await();
    }

    /**
     * The application's connections: the restricted role. Up to 10 under load; 2 kept while idle,
     * as each connection is a server process of its own (P6: resident memory idle).
     */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(database.appRole(), "postgres"));
        config.setUsername(database.appRole());
        config.setPoolName("embedded");
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        // The driver's messages then carry no Detail, Where or inlined parameters: they can quote personal data.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** Migrations run as the owner, {@code postgres}. */
    @Bean
    FlywayConfigurationCustomizer embeddedOwnerForMigrations(EmbeddedPostgres postgres) {
        return configuration -> configuration.dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }
}
