package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * docs/performance.md R9 and consent withdrawal at once (ASVS 8.3.2), over real nodes: a request about a
 * child waits for review at KZ; between the request, the review and the collection by KG, the
 * record is corrected, another record comes to match, a consent is withdrawn or a hold is placed.
 * Result each time: only the record judged on arrival, at the version judged, and only what still
 * passes at collection, ever leaves; the reviewer and the DPO see why.
 */
class JudgedRecordIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String JUSTIFICATION = "The child states she crossed from Kazakhstan with her aunt in 2026; we"
            + " must establish her status before deciding her claim under our case %s.";

    private static TestRegion region;
    private static String registrar;
    private static String reviewer;
    private static String officer;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        registrar = region.token("KZ-MIGRATION", "registrar");
        reviewer = region.token("KZ-MIGRATION", "reviewer");
        officer = region.token("KG-SMS", "officer");
    }

    @Test
    @DisplayName("the child's record is corrected to a KG national born a year earlier and a second record now matches;"
            + " the reviewer approves; result: NOT_AVAILABLE subject_changed, neither record leaves")
    void correctedRecordAndNewMatchReleaseNothing() {
        String family = "Judged" + RUN + "a";
        UUID first = child("A1", family, "2014-05-01", "AF", "First child's claim " + RUN);
        String requestId = pending(identityQuery(family, "2014-05-01", "KG-SMS-2026-1001"));

        update(first, family, "2013-05-01", "KG", "First child's claim " + RUN);
        UUID second = child("A2", family, "2014-05-01", "AF", "Second child's claim " + RUN);
        consentFor(second);

        JsonNode item = queued(requestId);
        assertTrue(item.path("reviewReasons").toString().contains("subject_changed"), item.toString());
        JsonNode decided = approve(requestId);
        assertEquals("NOT_AVAILABLE", decided.path("outcome").asString(), decided.toString());
        assertEquals("subject_changed", decided.path("internalReason").asString(), decided.toString());

        JsonNode collected = collect(requestId);
        assertEquals("NOT_AVAILABLE", collected.path("outcome").asString(), collected.toString());
        assertFalse(collected.has("released"), collected.toString());
        assertFalse(collected.toString().contains("claim " + RUN), "no claim text leaves: " + collected);
        assertTrue(holderLogReasons(requestId, "REVIEW_DECIDED").startsWith("subject_changed"),
                "the DPO sees why: " + holderLogReasons(requestId, "REVIEW_DECIDED"));
    }

    @Test
    @DisplayName("a second record comes to match an identity query while it waits; the reviewer approves;"
            + " result: NOT_AVAILABLE subject_changed, the first record is not released")
    void secondMatchReleasesNothing() {
        String family = "Judged" + RUN + "b";
        child("B1", family, "2014-05-01", "AF", "Claim one " + RUN);
        String requestId = pending(identityQuery(family, "2014-05-01", "KG-SMS-2026-1002"));
        child("B2", family, "2014-05-01", "AF", "Claim two " + RUN);

        JsonNode decided = approve(requestId);
        assertEquals("NOT_AVAILABLE", decided.path("outcome").asString(), decided.toString());
        JsonNode collected = collect(requestId);
        assertEquals("NOT_AVAILABLE", collected.path("outcome").asString(), collected.toString());
        assertFalse(collected.toString().contains(RUN), collected.toString());
    }

    @Test
    @DisplayName("the judged record's claim is edited while the request waits; the reviewer approves;"
            + " result: NOT_AVAILABLE subject_changed — the edited text was never judged")
    void anyChangeOfTheJudgedRecordReleasesNothing() {
        String family = "Judged" + RUN + "c";
        UUID id = child("C1", family, "2014-05-01", "AF", "Claim as judged " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-C1", "KG-SMS-2026-1003"));
        update(id, family, "2014-05-01", "AF", "Claim edited after the request " + RUN);

        JsonNode decided = approve(requestId);
        assertEquals("NOT_AVAILABLE", decided.path("outcome").asString(), decided.toString());
        assertEquals("subject_changed", decided.path("internalReason").asString());
        assertEquals("NOT_AVAILABLE", collect(requestId).path("outcome").asString());
    }

    @Test
    @DisplayName("nothing changes between request, review and collection; result: RELEASED with the claim of the"
            + " record judged, and the log shows the review's and the collection's decisions")
    void unchangedRecordIsReleasedAfterReview() {
        String family = "Judged" + RUN + "d";
        child("D1", family, "2014-05-01", "AF", "Claim of D " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-D1", "KG-SMS-2026-1004"));

        assertEquals("RELEASED", approve(requestId).path("outcome").asString());
        JsonNode collected = collect(requestId);
        assertEquals("RELEASED", collected.path("outcome").asString(), collected.toString());
        assertEquals("Claim of D " + RUN, collected.path("released").path("CLAIM").path("summary").asString());
        assertEquals(List.of("REVIEW_DECIDED:RELEASED", "ANSWER_COLLECTED:RELEASED"), holderDecisions(requestId));
    }

    @Test
    @DisplayName("the person withdraws consent after the reviewer approved; the requester then collects;"
            + " result: PARTIALLY_RELEASED, the claim is withheld (consent_required)")
    void consentWithdrawnAfterApprovalWithholdsTheClaimAtCollection() {
        String family = "Judged" + RUN + "e";
        UUID id = child("E1", family, "2014-05-01", "AF", "Claim of E " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-E1", "KG-SMS-2026-1005"));
        assertEquals("RELEASED", approve(requestId).path("outcome").asString());

        for (JsonNode consent : RegionData.getJson(region, "kz", "/api/v1/records/" + id + "/consents", registrar)
                .path("consents")) {
            var withdrawn = Http.postJson(region.uri("kz", "/api/v1/records/" + id + "/consents/"
                    + consent.path("id").asString() + "/withdrawal"), registrar,
                    "{ \"reason\": \"The guardian withdrew consent.\" }");
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        }
        JsonNode collected = collect(requestId);
        assertEquals("PARTIALLY_RELEASED", collected.path("outcome").asString(), collected.toString());
        assertFalse(collected.path("released").has("CLAIM"), collected.toString());
        assertFalse(collected.toString().contains("Claim of E"), collected.toString());
        assertEquals(List.of("REVIEW_DECIDED:RELEASED", "ANSWER_COLLECTED:PARTIALLY_RELEASED"),
                holderDecisions(requestId));
        assertTrue(holderLogReasons(requestId, "ANSWER_COLLECTED").contains("consent_withdrawn"),
                holderLogReasons(requestId, "ANSWER_COLLECTED"));
    }

    @Test
    @DisplayName("the holder places a protection hold after the reviewer approved; result: NOT_AVAILABLE at collection")
    void protectionHoldAfterApprovalReleasesNothing() {
        String family = "Judged" + RUN + "f";
        UUID id = child("F1", family, "2014-05-01", "AF", "Claim of F " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-F1", "KG-SMS-2026-1006"));
        assertEquals("RELEASED", approve(requestId).path("outcome").asString());

        JsonNode record = RegionData.getJson(region, "kz", "/api/v1/records/" + id, registrar);
        var held = Http.putJson(region.uri("kz", "/api/v1/records/" + id), registrar,
                document(record.path("holderRecordRef").asString(), family, "2014-05-01", "AF", "Claim of F " + RUN,
                        true));
        assertEquals(200, held.statusCode(), held.body());

        JsonNode collected = collect(requestId);
        assertEquals("NOT_AVAILABLE", collected.path("outcome").asString(), collected.toString());
        assertFalse(collected.toString().contains(RUN), collected.toString());
        assertEquals(List.of("REVIEW_DECIDED:RELEASED", "ANSWER_COLLECTED:NOT_AVAILABLE"), holderDecisions(requestId));
    }

    @Test
    @DisplayName("the registrar edits the claim after the reviewer approved; result: NOT_AVAILABLE subject_changed at"
            + " collection, the edited text was never judged")
    void recordEditedAfterApprovalReleasesNothing() {
        String family = "Judged" + RUN + "i";
        UUID id = child("I1", family, "2014-05-01", "AF", "Claim of I " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-I1", "KG-SMS-2026-1008"));
        assertEquals("RELEASED", approve(requestId).path("outcome").asString());
        update(id, family, "2014-05-01", "AF", "Claim of I, rewritten " + RUN);

        JsonNode collected = collect(requestId);
        assertEquals("NOT_AVAILABLE", collected.path("outcome").asString(), collected.toString());
        assertFalse(collected.toString().contains(RUN), collected.toString());
        assertTrue(holderLogReasons(requestId, "ANSWER_COLLECTED").startsWith("subject_changed"),
                holderLogReasons(requestId, "ANSWER_COLLECTED"));
    }

    @Test
    @DisplayName("the requesting officer named in the holder's log is namespaced by the node that signed the request")
    void peerOfficerIsNamespacedInTheHoldersLog() {
        String family = "Judged" + RUN + "g";
        child("G1", family, "2014-05-01", "AF", "Claim of G " + RUN);
        String requestId = pending(byReference("KZ-" + RUN + "-G1", "KG-SMS-2026-1007"));
        assertEquals("node:kg/test.officer@kg-sms", kz().queryForObject("""
                select actor from access_log where action = 'REQUEST_DECIDED' and request_id = ?""", String.class,
                UUID.fromString(requestId)));
    }

    @Test
    @DisplayName("the release of a record at a version it no longer has refuses (RecordChanged); at its version it"
            + " releases")
    void releaseRefusesAnotherVersion() {
        String family = "Judged" + RUN + "h";
        UUID id = child("H1", family, "2014-05-01", "AF", "Claim of H " + RUN);
        var records = region.start("kz").getBean(org.regionalexchange.gateway.records.SubjectRecords.class);
        var nothing = region.start("kz").getBean(org.regionalexchange.policy.PolicyEngine.class).subjectChanged();
        var judged = records.forDecision(id, List.of()).orElseThrow().ref();
        assertEquals(0, records.release(judged, nothing).size(), "at its version: released, here nothing asked");

        update(id, family, "2014-05-01", "AF", "Claim of H, corrected " + RUN);
        var changed = org.junit.jupiter.api.Assertions.assertThrows(
                org.regionalexchange.gateway.records.RecordChanged.class, () -> records.release(judged, nothing));
        assertEquals(judged, changed.judged());
        assertEquals(judged.version() + 1, records.forDecision(id, List.of()).orElseThrow().ref().version());
    }

    // --- helpers ---------------------------------------------------------------------------

    private static UUID child(String suffix, String family, String birth, String nationality, String claim) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), registrar,
                document("KZ-" + RUN + "-" + suffix, family, birth, nationality, claim, false));
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(Problems.json(created.body()).path("id").asString());
        consentFor(id);
        return id;
    }

    private static void consentFor(UUID id) {
        RegionData.consent(region, id, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"", "2026-01-01",
                "2030-01-01");
    }

    private static void update(UUID id, String family, String birth, String nationality, String claim) {
        JsonNode record = RegionData.getJson(region, "kz", "/api/v1/records/" + id, registrar);
        var updated = Http.putJson(region.uri("kz", "/api/v1/records/" + id), registrar,
                document(record.path("holderRecordRef").asString(), family, birth, nationality, claim, false));
        assertEquals(200, updated.statusCode(), updated.body());
    }

    private static String document(String ref, String family, String birth, String nationality, String claim,
            boolean hold) {
        return """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "%s", "givenNames": "Parisa", "sex": "F", "dateOfBirth": "%s",
                                "nationalities": ["%s"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "%s", "grounds": ["PARTICULAR_SOCIAL_GROUP"],
                             "countriesOfFear": ["AF"] },
                  "protectionHold": %s }""".formatted(ref, family, birth, nationality, claim, hold);
    }

    private static String identityQuery(String family, String birth, String caseRef) {
        return request("{ \"identity\": { \"familyName\": \"" + family + "\", \"givenNames\": \"Parisa\","
                + " \"dateOfBirth\": \"" + birth + "\" } }", caseRef);
    }

    private static String byReference(String ref, String caseRef) {
        return request("{ \"holderRecordRef\": \"" + ref + "\" }", caseRef);
    }

    private static String request(String subject, String caseRef) {
        return """
                { "holderAgency": "KZ-MIGRATION", "subject": %s, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ "IDENTITY", "CASE_STATUS", "CLAIM" ], "urgency": "ROUTINE" }"""
                .formatted(subject, caseRef, JUSTIFICATION.formatted(caseRef) + " Her aunt named the village "
                        + RegionData.word(caseRef + RUN) + ".");
    }

    /** KG asks; the answer must be PENDING_REVIEW; returns the request id. */
    private static String pending(String request) {
        var response = Http.postJson(region.uri("kg", "/api/v1/requests"), officer, request);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode outcome = Problems.json(response.body());
        assertEquals("PENDING_REVIEW", outcome.path("outcome").asString(), outcome.toString());
        return outcome.path("requestId").asString();
    }

    private static JsonNode queued(String requestId) {
        for (JsonNode item : RegionData.getJson(region, "kz", "/api/v1/reviews", reviewer).path("reviews")) {
            if (item.path("requestId").asString().equals(requestId)) {
                return item;
            }
        }
        throw new AssertionError("request " + requestId + " is not in the review queue");
    }

    private static JsonNode approve(String requestId) {
        var decided = Http.postJson(region.uri("kz", "/api/v1/reviews/" + requestId), reviewer,
                "{ \"decision\": \"APPROVE\", \"note\": \"Child protection unit consulted; in the child's best interest.\" }");
        assertEquals(200, decided.statusCode(), decided.body());
        return Problems.json(decided.body());
    }

    private static JsonNode collect(String requestId) {
        var collected = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), officer);
        assertEquals(200, collected.statusCode(), collected.body());
        return Problems.json(collected.body());
    }

    private static JdbcTemplate kz() {
        return RegionData.owner(region, "kz");
    }

    /** The holder's log entries of a request after its arrival: action and outcome, in order. */
    private static List<String> holderDecisions(String requestId) {
        return kz().queryForList("""
                select action, outcome from access_log where request_id = ?
                and action in ('REVIEW_DECIDED', 'ANSWER_COLLECTED') order by id""", UUID.fromString(requestId))
                .stream().map((Map<String, Object> row) -> row.get("action") + ":" + row.get("outcome")).toList();
    }

    private static String holderLogReasons(String requestId, String action) {
        return kz().queryForObject("select reason_codes from access_log where request_id = ? and action = ?"
                + " order by id desc limit 1", String.class, UUID.fromString(requestId), action);
    }
}
