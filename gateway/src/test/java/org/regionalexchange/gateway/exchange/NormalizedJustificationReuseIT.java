package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.regionalexchange.policy.model.JustificationFingerprint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A justification that differs from one used for another person only in numbers, dates or case
 * references is the same justification: refused at the requester's node, and again at the holder
 * if a sending node lets it through. A copy with names changed is not refused; the data-protection
 * officers of both nodes see it as a near-copy alert.
 */
class NormalizedJustificationReuseIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String WORD = RegionData.word(RUN);

    private static TestRegion region;
    private static String kgOfficer;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        kgOfficer = region.token("KG-SMS", "officer");
    }

    @Test
    @DisplayName("KG's officer reuses a justification for another person with other dates and case number; result: 422 justification_reused, logged at KG")
    void requesterRefusesAVariantInNumbersOnly() {
        String first = "Applicant states he crossed at Korday on 12 March 2026 and was registered by the " + WORD
                + " office; case KG-SMS-2026-N" + RUN + " needs his status before we decide his claim.";
        assertEquals(200, send("KZ-" + RUN + "-NA", "KG-SMS-2026-N" + RUN, first).statusCode());
        String variant = "APPLICANT STATES HE CROSSED AT KORDAY ON 2026-04-03 AND WAS REGISTERED BY THE " + WORD
                + " OFFICE -- CASE KG-SMS-2026-0" + RUN + " NEEDS HIS STATUS BEFORE WE DECIDE HIS CLAIM";
        JsonNode problem = assertProblem(send("KZ-" + RUN + "-NB", "KG-SMS-2026-0" + RUN, variant), 422,
                "justification_insufficient");
        assertEquals("[justification_reused]", codes(problem.path("reasons")).toString(), problem.toString());
        assertEquals(1, RegionData.app(region, "kg").queryForObject("""
                select count(*) from access_log where action = 'REQUEST_REFUSED_BEFORE_SENDING'
                and reason_codes = 'justification_reused' and justification = ?""", Integer.class, variant));
    }

    @Test
    @DisplayName("a sending node lets through a variant in numbers only of a justification used for another person; result: the holder KZ answers REFUSED justification_reused")
    void holderRefusesAVariantInNumbersOnly() {
        String first = "Our case KG-SMS-2026-H" + RUN + " concerns a man who says the " + WORD + " family sheltered him"
                + " in Almaty in January 2026 and that he applied for asylum there.";
        assertEquals(200, send("KZ-" + RUN + "-HA", "KG-SMS-2026-H" + RUN, first).statusCode());
        String caseRef = "KG-SMS-2027-H" + RUN;
        String variant = "Our case " + caseRef + " concerns a man who says the " + WORD + " family sheltered him"
                + " in Almaty in 11/2025 and that he applied for asylum there.";
        JsonNode signed = sendAsKgNode("KZ-" + RUN + "-HB", caseRef, variant);
        assertEquals("REFUSED", signed.path("outcome").asString(), signed.toString());
        assertEquals("[justification_reused]", codes(signed.path("reasons")).toString(), signed.toString());
    }

    @Test
    @DisplayName("a use stored before the ledgers kept the normalized text (no normalized fingerprint) is still found as written; result: 422 at KG, REFUSED justification_reused at KZ")
    void aUseWithoutNormalizedFingerprintIsFoundAsWritten() {
        String text = "Our case KG-SMS-2026-L" + RUN + " concerns a woman who says the " + WORD + " office in Osh"
                + " registered her in 2025 before she crossed to Kazakhstan; we need her status there.";
        var first = send("KZ-" + RUN + "-LA", "KG-SMS-2026-L" + RUN, text);
        assertEquals(200, first.statusCode(), first.body());
        String requestId = Problems.json(first.body()).path("requestId").asString();
        // Both ledgers' rows as a node stored them before V26: the text as written only.
        assertEquals(1, RegionData.app(region, "kg").update(
                "update exchange_request set justification_normalized_fingerprint = null where id = ?",
                UUID.fromString(requestId)));
        assertEquals(1, RegionData.app(region, "kz").update(
                "update exchange_received set justification_normalized_fingerprint = null where request_id = ?",
                UUID.fromString(requestId)));

        JsonNode problem = assertProblem(send("KZ-" + RUN + "-LB", "KG-SMS-2026-L" + RUN, text), 422,
                "justification_insufficient");
        assertEquals("[justification_reused]", codes(problem.path("reasons")).toString(), problem.toString());

        JsonNode signed = sendAsKgNode("KZ-" + RUN + "-LC", "KG-SMS-2026-L" + RUN, text);
        assertEquals("REFUSED", signed.path("outcome").asString(), signed.toString());
        assertEquals("[justification_reused]", codes(signed.path("reasons")).toString(), signed.toString());
    }

    @Test
    @DisplayName("KG's officer uses one text for three people, changing only their names; result: sent, and a JUSTIFICATION_NEAR_COPY alert at KG and at KZ")
    void nearCopiesAreAnAlertOnBothSides() {
        Set<String> fingerprints = new TreeSet<>();
        for (String name : List.of("Sadat Noori", "Zarifa Hamidi", "Lida Amini")) {
            String caseRef = "KG-SMS-2026-" + name.charAt(0) + RUN;
            String text = "Mrs " + name + " told our interviewer that her husband was registered by the " + WORD
                    + " migration office after crossing at Korday; case " + caseRef
                    + " needs his status to assess family unity.";
            fingerprints.add(JustificationFingerprint.of(text).sha256Hex());
            var sent = send("KZ-" + RUN + "-C" + name.charAt(0), caseRef, text);
            assertEquals(200, sent.statusCode(), "a near-copy is not refused: " + sent.body());
        }
        JsonNode requester = nearCopy("kg", region.token("KG-SMS", "dpo"), fingerprints);
        assertEquals("REQUEST_SENT", requester.path("action").asString(), requester.toString());
        assertEquals(3, requester.path("count").asLong());
        JsonNode holder = nearCopy("kz", region.token("KZ-MIGRATION", "dpo"), fingerprints);
        assertEquals("REQUEST_DECIDED", holder.path("action").asString(), holder.toString());
        assertEquals(3, holder.path("count").asLong());
    }

    /** The near-copy alert of KG-SMS on {@code node} whose justifications are exactly {@code fingerprints}. */
    private static JsonNode nearCopy(String node, String dpo, Set<String> fingerprints) {
        JsonNode alerts = RegionData.getJson(region, node, "/api/v1/audit/alerts", dpo).path("alerts");
        for (JsonNode alert : alerts) {
            Set<String> named = new TreeSet<>(codes(alert.path("justificationFingerprints")));
            if (alert.path("type").asString().equals("JUSTIFICATION_NEAR_COPY") && named.equals(fingerprints)) {
                assertEquals("KG-SMS", alert.path("agency").asString());
                assertTrue(fingerprints.contains(alert.path("justificationFingerprint").asString()));
                return alert;
            }
        }
        throw new AssertionError("no near-copy alert at " + node + " for " + fingerprints + ": " + alerts);
    }

    private static List<String> codes(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.isObject() ? v.path("code").asString() : v.asString()));
        return values;
    }

    /**
     * Sends the request straight to KZ as node kg would sign it, past kg's own checks (a sending
     * node that lets it through); returns the payload of KZ's signed answer.
     */
    private static JsonNode sendAsKgNode(String ref, String caseRef, String justification) {
        ObjectNode message = (ObjectNode) Problems.json("""
                { "requestId": "%s", "requesterAgency": "KG-SMS", "officer": "test.officer@kg-sms", "request": %s }"""
                .formatted(UUID.randomUUID(), request(ref, caseRef, justification)));
        String envelope = region.start("kg").getBean(EnvelopeSigner.class).sign("gateway-request+jwt", "kz", message,
                Instant.now());
        var answer = Http.post(region.uri("kz", "/exchange/v1/requests"), null, "application/jose",
                envelope.getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, answer.statusCode(), answer.body());
        return CompactJws.parse(answer.body()).payload();
    }

    private static java.net.http.HttpResponse<String> send(String ref, String caseRef, String justification) {
        return Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer, request(ref, caseRef, justification));
    }

    private static String request(String ref, String caseRef, String justification) {
        return """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ "IDENTITY", "CASE_STATUS" ], "urgency": "ROUTINE" }""".formatted(ref, caseRef,
                justification);
    }
}
