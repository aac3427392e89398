package org.regionalexchange.gateway.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Evaluation mode (ARCHITECTURE.md §10): with no {@code spring.datasource.url}, the node runs a
 * real PostgreSQL from the binaries of a Maven artifact, with its files in a local folder that
 * survives a restart. Production sets {@code spring.datasource.*} and never reaches this class.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DatabaseProperties database)
            throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory);
        LeftoverPostgres.stopIfRunning(dataDirectory);
        log.warn("EVALUATION MODE: no spring.datasource.url is set; starting an embedded PostgreSQL with its data in {}."
                + " Do not use this mode in production: point spring.datasource.* at a managed PostgreSQL.",
                dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        createApplicationRole(postgres, database.appRole());
        return postgres;
    }

    /**
     * The restricted role the application connects as (the migrations, run as {@code postgres},
     * grant it its privileges). The embedded server trusts local connections, so it has no password.
     */
    private static void createApplicationRole(EmbeddedPostgres postgres, String role) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The name is checked by DatabaseProperties: a plain lower-case identifier.
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the application role " + role, e);
        }
    }

    /** The application's connections: the restricted role. */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(database.appRole(), "postgres"));
        config.setUsername(database.appRole());
        config.setPoolName("embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** Migrations run as the owner, {@code postgres}. */
    @Bean
    FlywayConfigurationCustomizer embeddedOwnerForMigrations(EmbeddedPostgres postgres) {
        return configuration -> configuration.dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }
}
