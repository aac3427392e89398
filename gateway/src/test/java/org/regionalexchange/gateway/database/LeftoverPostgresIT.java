package org.regionalexchange.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * A node killed outright leaves its PostgreSQL running on the data folder; the next start of the
 * node stops that server and comes up, instead of failing on the lock file (docs/performance.md R2's
 * kill-and-restart).
 */
class LeftoverPostgresIT {

    @Test
    @DisplayName("a PostgreSQL left running on the node's data folder is stopped, and the node starts")
    void nodeStartsOverALeftoverPostgres() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            region.start("tj");
            Path data = region.runDir().resolve("tj/postgres");
            long firstPid = postmasterPid(data);
            String binary = ProcessHandle.of(firstPid).orElseThrow().info().command().orElseThrow();
            region.stop("tj");
            // What a killed node leaves behind: its server, still running on the folder, holding
            // postmaster.pid (started here as a process of its own, as the node had started it).
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // As root, PostgreSQL runs in a user namespace of its own, as the embedded server does.
            var command = new java.util.ArrayList<String>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(java.util.List.of("unshare", "-U"));
            }
            command.addAll(java.util.List.of(binary, "-D", data.toString(), "-p", String.valueOf(port), "-c",
                    "listen_addresses=127.0.0.1"));
            Process leftover = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(region.runDir().resolve("leftover.log").toFile()).start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (postmasterPid(data) <= 0 && leftover.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            long pid = postmasterPid(data);
            assertTrue(pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    () -> "the leftover server holds the folder: " + log(region));

            region.start("tj");
            var health = Http.get(region.uri("tj", "/actuator/health"), null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", Problems.json(health.body()).path("status").asString());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the leftover server is gone");
        }
    }

    private static String log(TestRegion region) {
        try {
            return Files.readString(region.runDir().resolve("leftover.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    private static long postmasterPid(Path data) throws java.io.IOException {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return -1;
        }
        var lines = Files.readAllLines(data.resolve("postmaster.pid"));
        return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    }
}
