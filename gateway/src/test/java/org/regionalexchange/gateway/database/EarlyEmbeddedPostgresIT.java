package org.regionalexchange.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * The embedded PostgreSQL starts on a thread of its own while the node's context is built (P6); the
 * node still uses that server, still fails when it cannot start, and never leaves it running.
 */
class EarlyEmbeddedPostgresIT {

    @Test
    @DisplayName("a node uses the PostgreSQL begun before its beans were built, and comes up")
    void nodeUsesTheEarlyServer() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            var context = region.start("tj");
            EmbeddedPostgres server = context.getBean(EmbeddedPostgres.class);
            assertSame(server, context.getBean(EmbeddedPostgresStart.class).await(), "the early server is the node's");
            var health = Http.get(region.uri("tj", "/actuator/health"), null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", Problems.json(health.body()).path("status").asString());
            long pid = postmasterPid(region.runDir().resolve("tj/postgres"));
            region.stop("tj");
            var process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "stopped with the node");
        }
    }

    @Test
    @DisplayName("a PostgreSQL that cannot start stops the node with the server's reason")
    void failedStartStopsTheNode() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            // A data folder of a PostgreSQL major version these binaries cannot open.
            Path data = region.runDir().resolve("tj/postgres");
            Files.createDirectories(data);
            Files.writeString(data.resolve("PG_VERSION"), "9\n");
            Files.writeString(data.resolve("postgresql.conf"), "");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Exception failure = assertThrows(Exception.class, () -> region.start("tj"));
            String messages = messages(failure);
            assertTrue(messages.contains("embeddedPostgres") && messages.contains("server to start"),
                    () -> "names the bean and the failed start: " + messages);
            assertFalse(Files.exists(data.resolve("postmaster.pid")), "no server left running");
        }
    }

    @Test
    @DisplayName("a server begun for a context that is destroyed before using it is stopped")
    void unusedServerIsStopped() throws Exception {
        Path data = Files.createTempDirectory("early-postgres-").resolve("postgres");
        EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(new EmbeddedDatabaseProperties(data, 0),
                new DatabaseProperties("gateway_app"));
        start.destroy();
        long pid = postmasterPid(data);
        assertEquals(-1, pid, "postmaster.pid removed by a clean stop");
        assertTrue(Files.exists(data.resolve("PG_VERSION")), "the server had been started on the folder");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static long postmasterPid(Path data) throws java.io.IOException {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return -1;
        }
        var lines = Files.readAllLines(data.resolve("postmaster.pid"));
        return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    }
}
