package org.regionalexchange.gateway.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request ids are chosen by the requesting nodes, so two nodes may choose the same one. Each test:
 * nodes kg, tj and kz send KZ-MIGRATION envelopes that carry one request id; result: the holder
 * keeps them apart by sending node, its review queue answers, and a review decides exactly one.
 */
class RequestIdScopeIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static TestRegion region;
    private static String reviewer;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        reviewer = region.token("KZ-MIGRATION", "reviewer");
    }

    @Test
    @DisplayName("kg's request about a child waits for review and tj's request uses the same id; result: the queue"
            + " answers 200 and the review decides kg's request")
    void anotherNodesRequestUnderTheSameIdDoesNotBlockTheReview() {
        UUID id = UUID.randomUUID();
        UUID record = child("S1", "{ \"agency\": \"KG-SMS\" }");
        String refOf = RegionData.getJson(region, "kz", "/api/v1/records/" + record,
                region.token("KZ-MIGRATION", "registrar")).path("holderRecordRef").asString();
        assertEquals("PENDING_REVIEW", send("kg", "KG-SMS", id, refOf, "RSD_CASE_PROCESSING",
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"").path("outcome").asString());
        send("tj", "TJ-MIA", id, refOf, "DOCUMENT_VERIFICATION", "\"IDENTITY\"");

        assertEquals(List.of("kg"), queuedNodes(id));
        var decided = Http.postJson(region.uri("kz", "/api/v1/reviews/" + id), reviewer,
                "{ \"decision\": \"REJECT\", \"note\": \"Not in the child's interest at this stage.\" }");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("kg", Problems.json(decided.body()).path("requesterNode").asString());
    }

    @Test
    @DisplayName("kg and kz itself each have a request waiting under one id; result: a review without"
            + " requesterNode is 409, with it each is decided on its own")
    void twoWaitingRequestsUnderOneIdAreToldApart() {
        UUID id = UUID.randomUUID();
        UUID record = child("S2", "{ \"agency\": \"KG-SMS\" }, { \"agency\": \"KZ-BORDER\" }");
        String ref = RegionData.getJson(region, "kz", "/api/v1/records/" + record,
                region.token("KZ-MIGRATION", "registrar")).path("holderRecordRef").asString();
        String claim = "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"";
        JsonNode fromKg = send("kg", "KG-SMS", id, ref, "RSD_CASE_PROCESSING", claim);
        assertEquals("PENDING_REVIEW", fromKg.path("outcome").asString(), fromKg.toString());
        JsonNode fromKz = send("kz", "KZ-BORDER", id, ref, "RSD_CASE_PROCESSING", claim);
        assertEquals("PENDING_REVIEW", fromKz.path("outcome").asString(), fromKz.toString());

        assertEquals(List.of("kg", "kz"), queuedNodes(id));
        String approve = "{ \"decision\": \"APPROVE\", \"note\": \"Checked with the child protection unit.\" }";
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/reviews/" + id), reviewer, approve), 409, "conflict");
        var kg = Http.postJson(region.uri("kz", "/api/v1/reviews/" + id + "?requesterNode=kg"), reviewer, approve);
        assertEquals(200, kg.statusCode(), kg.body());
        assertEquals("kg", Problems.json(kg.body()).path("requesterNode").asString());
        assertEquals(List.of("kz"), queuedNodes(id));
        var kz = Http.postJson(region.uri("kz", "/api/v1/reviews/" + id), reviewer, approve);
        assertEquals(200, kz.statusCode(), kz.body());
        assertEquals("kz", Problems.json(kz.body()).path("requesterNode").asString());
    }

    @Test
    @DisplayName("a peer's officer of 200 characters is logged in full, namespaced by the sending node; a local token"
            + " whose subject poses as a node is refused")
    void peerOfficersAreNamespacedInFull() {
        UUID id = UUID.randomUUID();
        UUID record = child("S3", "{ \"agency\": \"KG-SMS\" }");
        String ref = RegionData.getJson(region, "kz", "/api/v1/records/" + record,
                region.token("KZ-MIGRATION", "registrar")).path("holderRecordRef").asString();
        String officer = "o".repeat(200);
        send("kg", "KG-SMS", id, ref, "DOCUMENT_VERIFICATION", "\"IDENTITY\"", officer);
        assertEquals("node:kg/" + officer, RegionData.owner(region, "kz").queryForObject(
                "select actor from access_log where action = 'REQUEST_DECIDED' and request_id = ?", String.class, id));

        String posing = region.tokens().mint("KZ-MIGRATION", List.of("registrar"), "node:kg/test.officer@kg-sms",
                Instant.now(), java.time.Duration.ofMinutes(5));
        assertProblem(Http.get(region.uri("kz", "/api/v1/records/" + record), posing), 401, "invalid_token");
    }

    private static UUID child(String suffix, String recipients) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "KZ-%s-%s",
                  "identity": { "familyName": "Scope%s", "givenNames": "Laleh", "sex": "F", "dateOfBirth": "2015-02-03",
                                "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Fled with her mother.", "grounds": ["OTHER"], "countriesOfFear": ["AF"] } }"""
                .formatted(RUN, suffix, RUN));
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(Problems.json(created.body()).path("id").asString());
        var consent = Http.postJson(region.uri("kz", "/api/v1/records/" + id + "/consents"),
                region.token("KZ-MIGRATION", "registrar"), """
                { "recipients": [ %s ], "purposes": ["RSD_CASE_PROCESSING"], "categories": ["CLAIM"],
                  "validFrom": "2026-01-01", "validUntil": "2030-01-01", "givenBy": "GUARDIAN",
                  "informedInLanguage": "prs", "interpreterPresent": true }""".formatted(recipients));
        assertEquals(201, consent.statusCode(), consent.body());
        return id;
    }

    /** Node {@code node} signs a request of {@code agency} under {@code id} and posts it to kz; the signed answer's payload. */
    private static JsonNode send(String node, String agency, UUID id, String ref, String purpose, String categories) {
        return send(node, agency, id, ref, purpose, categories, "test.officer@" + agency.toLowerCase());
    }

    private static JsonNode send(String node, String agency, UUID id, String ref, String purpose, String categories,
            String officer) {
        String caseRef = agency + "-2026-" + ref.substring(ref.length() - 2) + RUN.substring(0, 4);
        ObjectNode message = (ObjectNode) Problems.json("""
                { "requestId": "%s", "requesterAgency": "%s", "officer": "%s",
                  "request": { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" },
                    "purpose": "%s", "legalBasis": "AGREEMENT", "requesterCaseRef": "%s",
                    "justification": "The girl states she was registered in Almaty in 2026; we must check her status under our case %s; she names the village %s.",
                    "categories": [ %s ], "urgency": "ROUTINE" } }""".formatted(id, agency, officer, ref,
                purpose, caseRef, caseRef, RegionData.word(caseRef + RUN), categories));
        String envelope = region.start(node).getBean(EnvelopeSigner.class).sign("gateway-request+jwt", "kz", message,
                Instant.now());
        var answer = Http.post(region.uri("kz", "/exchange/v1/requests"), null, "application/jose",
                envelope.getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, answer.statusCode(), answer.body());
        return CompactJws.parse(answer.body()).payload();
    }

    private static List<String> queuedNodes(UUID id) {
        var queue = Http.get(region.uri("kz", "/api/v1/reviews"), reviewer);
        assertEquals(200, queue.statusCode(), queue.body());
        List<String> nodes = new ArrayList<>();
        for (JsonNode item : Problems.json(queue.body()).path("reviews")) {
            if (item.path("requestId").asString().equals(id.toString())) {
                nodes.add(item.path("requesterNode").asString());
            }
        }
        nodes.sort(null);
        return nodes;
    }
}
