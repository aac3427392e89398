package org.regionalexchange.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * The Prometheus scrape of real nodes: counters move by exactly what was done, tags carry codes
 * only (none of the names, references or justifications sent appear in it), and the scrape is
 * answered on the management port only, never on the officers' port.
 */
class MetricsIT {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    private static final String FAMILY = "Zarghunovska";
    private static final String GIVEN = "Peymaneh";
    private static final String REF = "KZ-MET-" + RUN;
    private static final String PLACE = "Qalandarabad";

    private static TestRegion region;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        region.start("kz", "--management.server.port=0");
        region.start("kg", "--management.server.port=0");
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "%s", "givenNames": "%s", "dateOfBirth": "1987-03-02", "nationalities": ["AF"] },
                  "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""".formatted(REF, FAMILY, GIVEN));
        assertEquals(201, created.statusCode(), created.body());
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("3 releases, 1 not on record, 1 refused before sending, 1 malformed envelope; result: each counter moves by exactly that, and no name, reference or justification is in the scrape")
    void countersMoveByExactlyWhatWasDone() {
        Scrape kgBefore = scrape("kg");
        Scrape kzBefore = scrape("kz");

        for (int i = 1; i <= 3; i++) {
            assertEquals("RELEASED", ask(REF, "KG-SMS-2026-M" + RUN + i).path("outcome").asString());
        }
        assertEquals("NOT_AVAILABLE", ask("KZ-NONE-" + RUN, "KG-SMS-2026-N" + RUN).path("outcome").asString());
        var tooShort = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-2026-S%s", "justification": "%s please",
                  "categories": ["IDENTITY"] }""".formatted(REF, RUN, PLACE));
        Problems.assertProblem(tooShort, 422, "justification_insufficient");
        var malformed = Http.post(region.uri("kz", "/exchange/v1/requests"), null, "application/jose",
                ("not-a-jws-" + FAMILY).getBytes(StandardCharsets.US_ASCII));
        Problems.assertProblem(malformed, 400, "envelope_malformed");

        Scrape kg = scrape("kg");
        Scrape kz = scrape("kz");
        assertEquals(3, kg.delta(kgBefore, "gateway_exchanges_total",
                Map.of("direction", "outbound", "outcome", "RELEASED", "reason", "none")));
        assertEquals(1, kg.delta(kgBefore, "gateway_exchanges_total",
                Map.of("direction", "outbound", "outcome", "NOT_AVAILABLE", "reason", "none")));
        assertEquals(1, kg.delta(kgBefore, "gateway_exchanges_total",
                Map.of("direction", "outbound", "outcome", "ERROR", "reason", "justification_insufficient")));
        assertEquals(5, kg.delta(kgBefore, "gateway_exchanges_total", Map.of("direction", "outbound")));
        assertEquals(4, kg.delta(kgBefore, "gateway_outbound_calls_seconds_count",
                Map.of("peer", "kz", "method", "post", "result", "2xx")));
        assertEquals(5, kg.delta(kgBefore, "gateway_exchange_duration_seconds_count", Map.of("direction", "outbound")));

        assertEquals(3, kz.delta(kzBefore, "gateway_decisions_total", Map.of("outcome", "RELEASED", "reason", "none")));
        assertEquals(1, kz.delta(kzBefore, "gateway_decisions_total", Map.of("outcome", "NOT_AVAILABLE")));
        assertEquals(0, kz.delta(kzBefore, "gateway_decisions_total", Map.of("outcome", "NOT_AVAILABLE", "reason", "none")),
                "a NOT_AVAILABLE is counted by its internal reason code");
        assertEquals(3, kz.delta(kzBefore, "gateway_exchanges_total",
                Map.of("direction", "inbound", "outcome", "RELEASED", "reason", "none")));
        assertEquals(1, kz.delta(kzBefore, "gateway_exchanges_total",
                Map.of("direction", "inbound", "outcome", "REJECTED", "reason", "envelope_malformed")));
        assertEquals(1, kz.delta(kzBefore, "gateway_envelope_refusals_total", Map.of("cause", "envelope_malformed")));
        assertEquals(4, kz.delta(kzBefore, "gateway_exchange_duration_seconds_count",
                Map.of("direction", "inbound", "result", "ANSWERED")));
        assertEquals(0, kz.delta(kzBefore, "gateway_access_log_append_failures_total", Map.of()));
        assertTrue(kz.text.contains("gateway_access_log_append_failures_total"), "the failure counter is exported at 0");

        for (String personal : List.of(FAMILY, GIVEN, REF, PLACE, "KG-SMS-2026-M" + RUN, "KZ-NONE-" + RUN,
                "test.officer@kg-sms", "Zahra")) {
            assertFalse(kg.text.contains(personal), personal + " in kg's scrape");
            assertFalse(kz.text.contains(personal), personal + " in kz's scrape");
        }
    }

    @Test
    @DisplayName("the scrape on the officers' port, with or without an admin's or a DPO's token; result: refused, never the metrics")
    void scrapeIsNotOnTheOfficersPort() {
        for (String token : new String[] {null, region.token("KZ-MIGRATION", "admin"), region.token("KZ-MIGRATION", "dpo")}) {
            var answer = Http.get(region.uri("kz", "/actuator/prometheus"), token);
            assertNotEquals(200, answer.statusCode());
            assertFalse(answer.body().contains("gateway_"), answer.body());
        }
    }

    private static tools.jackson.databind.JsonNode ask(String ref, String caseRef) {
        var answer = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s",
                  "justification": "The refugee certificate shown at our office must be verified for our case %s before renewal; the holder lives in %s, street %s.",
                  "categories": ["IDENTITY", "CASE_STATUS"] }""".formatted(ref, caseRef, caseRef, PLACE, RegionData.word(caseRef)));
        assertEquals(200, answer.statusCode(), answer.body());
        return Problems.json(answer.body());
    }

    private static Scrape scrape(String node) {
        String port = region.start(node).getEnvironment().getProperty("local.management.port");
        var answer = Http.get(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        return new Scrape(answer.body());
    }

    /** A scrape in Prometheus's text format, summed by metric name and a subset of labels. */
    private record Scrape(String text) {

        double sum(String name, Map<String, String> labels) {
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                    continue;
                }
                String labelText = line.contains("{") ? line.substring(line.indexOf('{') + 1, line.lastIndexOf('}')) : "";
                boolean matches = labels.entrySet().stream()
                        .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
                if (matches) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return total;
        }

        long delta(Scrape before, String name, Map<String, String> labels) {
            return Math.round(sum(name, labels) - before.sum(name, labels));
        }
    }
}
