package org.regionalexchange.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logging.structured.format.console=ecs}: every console line is one JSON object with the
 * trace and span ids, the trace crosses from the requesting node to the holder ({@code traceparent}),
 * and the lines carry ids and codes, never the person's data or the justification.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @DisplayName("kg asks kz with ECS logs on; result: JSON lines, kz's 'request answered' line carries the trace id of kg's 'request sent', no name or justification logged")
    void jsonLinesCarryTheRequestersTraceAcrossNodes(CapturedOutput output) {
        // Spring Boot configures logging once per JVM while an earlier node of this JVM still runs:
        // let these nodes configure it again, with JSON lines on the console.
        LoggingSystem.get(StructuredLogsIT.class.getClassLoader()).cleanUp();
        try (TestRegion region = TestRegion.create()) {
            region.start("kz", "--logging.structured.format.console=ecs");
            region.start("kg", "--logging.structured.format.console=ecs");
            String ref = "KZ-LOG-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                    { "holderRecordRef": "%s",
                      "identity": { "familyName": "Tokhirova", "givenNames": "Shabnam", "dateOfBirth": "1992-09-09", "nationalities": ["AF"] },
                      "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""".formatted(ref));
            assertEquals(201, created.statusCode(), created.body());
            int from = output.getOut().length();
            var answer = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                    { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                      "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-2026-LOGS",
                      "justification": "The refugee certificate shown in Zarafshonobod must be verified for our case KG-SMS-2026-LOGS before renewal.",
                      "categories": ["IDENTITY", "CASE_STATUS"] }""".formatted(ref));
            assertEquals(200, answer.statusCode(), answer.body());
            String requestId = Problems.json(answer.body()).path("requestId").asString();
            String logged = output.getOut().substring(from);

            List<JsonNode> lines = new ArrayList<>();
            for (String line : logged.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                assertTrue(line.startsWith("{") && line.endsWith("}"), "not a JSON line: " + line);
                lines.add(JSON.readTree(line));
            }
            JsonNode sent = find(lines, "request sent requestId=" + requestId);
            JsonNode answered = find(lines, "request answered requestId=" + requestId);
            String trace = traceId(sent);
            assertFalse(trace.isEmpty(), sent.toString());
            assertEquals(trace, traceId(answered), "the holder's line carries the requester's trace id: " + answered);
            for (String personal : List.of("Tokhirova", "Shabnam", "Zarafshonobod", ref)) {
                assertFalse(logged.contains(personal), personal + " logged");
            }
        }
    }

    private static JsonNode find(List<JsonNode> lines, String message) {
        return lines.stream().filter(l -> l.path("message").asString("").startsWith(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + message + "'"));
    }

    /** The trace id, wherever the format puts it (ECS: {@code trace.id}, or the MDC's {@code traceId}). */
    private static String traceId(JsonNode line) {
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            if (field.getKey().equals("traceId") || field.getKey().equals("trace.id")) {
                return field.getValue().asString();
            }
            if (field.getKey().equals("trace") && field.getValue().has("id")) {
                return field.getValue().path("id").asString();
            }
        }
        return "";
    }
}
