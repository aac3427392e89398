package org.regionalexchange.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
            List<String> migrations = jdbc.queryForList(
                    "select version from flyway_schema_history where success order by installed_rank", String.class);
            assertTrue(migrations.contains("1"), "Flyway applied V1: " + migrations);
            jdbc.update("create table restart_marker (note text)");
            jdbc.update("insert into restart_marker values ('kept')");
            assertTrue(Files.isDirectory(region.runDir().resolve("tj/postgres")), "data in the configured folder");

            region.stop("tj");
            var restarted = region.start("tj");
            JdbcTemplate again = new JdbcTemplate(restarted.getBean(DataSource.class));
            assertEquals("kept", again.queryForObject("select note from restart_marker", String.class));
        }
    }
}
