package org.regionalexchange.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default: a node with no spring.datasource.url runs a real PostgreSQL, migrated by
 * Flyway, whose data survives a restart.
 */
class EmbeddedDatabaseIT {

    @Test
    @DisplayName("a node without a database URL runs PostgreSQL, migrated by Flyway, and keeps its data across a restart")
    void embeddedDatabaseSurvivesRestart() {
        try (TestRegion region = TestRegion.create()) {
            var context = region.start("tj");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            String version = jdbc.queryForObject("show server_version", String.class);
            assertTrue(version.matches("1[5-9].*"), "a real PostgreSQL server: " + version);
            JdbcTemplate owner = new JdbcTemplate(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
            List<String> migrations = owner.queryForList(
                    "select version from flyway_schema_history where success order by installed_rank", String.class);
            assertTrue(migrations.contains("1"), "Flyway applied V1: " + migrations);
            // The application's role may not change the schema; the owner (postgres) may.
            assertThrows(DataAccessException.class, () -> jdbc.update("create table restart_marker (note text)"));
            assertEquals("gateway_app", jdbc.queryForObject("select current_user", String.class));
            owner.update("create table restart_marker (note text)");
            owner.update("insert into restart_marker values ('kept')");
            owner.update("grant select on restart_marker to gateway_app");
            assertTrue(Files.isDirectory(region.runDir().resolve("tj/postgres")), "data in the configured folder");

            region.stop("tj");
            var restarted = region.start("tj");
            JdbcTemplate again = new JdbcTemplate(restarted.getBean(DataSource.class));
            assertEquals("kept", again.queryForObject("select note from restart_marker", String.class));
        }
    }
}
