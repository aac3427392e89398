package org.regionalexchange.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * The probes Kubernetes calls (deploy/kubernetes/base/deployment.yaml): with the database gone,
 * readiness is DOWN (no traffic to this replica) while liveness stays UP (no restart of every
 * replica during a database outage).
 */
class HealthProbesIT {

    @Test
    @DisplayName("liveness leaves the database out, readiness includes it")
    void databaseOnlyInReadiness() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            region.start("tj");
            assertStatus(region, "/actuator/health/liveness", 200, "UP");
            assertStatus(region, "/actuator/health/readiness", 200, "UP");

            // A fast shutdown of the node's PostgreSQL: its sessions end, new connections are refused.
            long pid = postmasterPid(region.runDir().resolve("tj/postgres"));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            assertEquals(0, kill.waitFor());
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());

            assertStatus(region, "/actuator/health/readiness", 503, "DOWN");
            assertStatus(region, "/actuator/health/liveness", 200, "UP");
        }
    }

    /** Longer than the pool's 30-second wait for a connection, which the database check sits through. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static void assertStatus(TestRegion region, String path, int code, String status) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(region.uri("tj", path))
                .timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(code, answer.statusCode(), path + ": " + answer.body());
        assertEquals(status, Problems.json(answer.body()).path("status").asString(), path);
        assertTrue(Problems.json(answer.body()).path("components").isMissingNode(), "no details: " + answer.body());
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
