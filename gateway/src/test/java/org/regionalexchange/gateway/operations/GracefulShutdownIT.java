package org.regionalexchange.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code server.shutdown=graceful}: a holder asked to stop while it decides a request finishes that
 * request (its answer and its log row) before it closes its database.
 */
class GracefulShutdownIT {

    @Test
    @DisplayName("kz is stopped while its access-log append waits on a lock; result: the stop waits, the exchange completes RELEASED, then kz stops")
    void inFlightExchangeCompletes() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            region.start("kz");
            region.start("kg");
            String ref = "KZ-STOP-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                    { "holderRecordRef": "%s",
                      "identity": { "familyName": "Karimi", "givenNames": "Dawood", "dateOfBirth": "1979-02-02", "nationalities": ["AF"] },
                      "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""".formatted(ref));
            assertEquals(201, created.statusCode(), created.body());
            DataSource owner = region.start("kz").getBean(EmbeddedPostgres.class).getPostgresDatabase();
            JdbcTemplate watch = new JdbcTemplate(owner);

            CompletableFuture<HttpResponse<String>> exchange;
            CompletableFuture<Void> stopped;
            try (Connection lanes = owner.getConnection()) {
                // Every lane held (the append's advisory lock on each of the 16 lanes, V38): the holder's
                // append (and so its answer) waits for this transaction.
                lanes.setAutoCommit(false);
                try (Statement statement = lanes.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "select pg_advisory_xact_lock(1095520071, lane) from generate_series(0, 15) lane")) {
                    while (rows.next()) {
                        // all lanes held
                    }
                }
                exchange = CompletableFuture.supplyAsync(() -> Http.postJson(region.uri("kg", "/api/v1/requests"),
                        region.token("KG-SMS", "officer"), """
                        { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                          "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-2026-STOP",
                          "justification": "The refugee certificate he showed must be verified for our case KG-SMS-2026-STOP before renewal.",
                          "categories": ["IDENTITY", "CASE_STATUS"] }""".formatted(ref)));
                awaitWaitingAppend(watch);
                stopped = CompletableFuture.runAsync(() -> region.stop("kz"));
                Thread.sleep(1500);
                assertFalse(stopped.isDone(), "the stop waits for the request in flight");
                lanes.rollback();
            }
            HttpResponse<String> answer = exchange.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("RELEASED", Problems.json(answer.body()).path("outcome").asString(), answer.body());
            stopped.get(60, TimeUnit.SECONDS);
            assertThrows(java.io.UncheckedIOException.class, () -> Http.get(region.uri("kz", "/actuator/health"), null),
                    "kz is stopped");
        }
    }

    private static void awaitWaitingAppend(JdbcTemplate watch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Integer waiting = watch.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike '%access_log%'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the holder's append never waited on the lanes");
    }
}
