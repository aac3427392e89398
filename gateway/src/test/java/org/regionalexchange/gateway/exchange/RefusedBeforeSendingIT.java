package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * A request the requester's own node refuses before sending (docs/design.md §5 step 2) leaves
 * nothing at the holder, but the requesting agency's DPO sees every such refusal, with its reasons,
 * in the node's access log, and a justification refused as reused counts towards the reuse alert.
 */
class RefusedBeforeSendingIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String OFFICER = "test.officer@kg-sms";

    private static TestRegion region;
    private static String kgOfficer;
    private static String kgDpo;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        kgOfficer = region.token("KG-SMS", "officer");
        kgDpo = region.token("KG-BORDER", "dpo");
    }

    @Test
    @DisplayName("KG's officer sends a boilerplate justification and a wildcard search; result: 422 each, and KG's log holds both refusals with their reason codes")
    void refusalsAreLoggedWithTheirReasons() {
        String boilerplate = "For official purposes in accordance with the law " + RUN + ".";
        assertProblem(send(request("{ \"holderRecordRef\": \"KZ-2026-000123\" }", "KG-SMS-2026-B" + RUN,
                boilerplate)), 422, "justification_insufficient");
        String caseRef = "KG-SMS-2026-W" + RUN;
        assertProblem(send(request("""
                { "identity": { "familyName": "Rah*", "givenNames": "Ahmad", "dateOfBirth": "1994" } }""", caseRef,
                "Border post reports a man travelling on a document issued to another person; case " + caseRef
                        + " must find out whether he already applied for asylum in Kazakhstan.")), 422,
                "not_individualized");

        JsonNode justificationRefused = refusal(boilerplate);
        assertEquals(OFFICER, justificationRefused.path("actor").asString());
        assertEquals("KG-SMS", justificationRefused.path("agency").asString());
        assertEquals("REFUSED", justificationRefused.path("outcome").asString());
        assertTrue(justificationRefused.path("reasonCodes").asString().contains("justification_boilerplate"),
                justificationRefused.toString());
        assertEquals("KZ-MIGRATION", justificationRefused.path("holderAgency").asString());
        assertEquals("kz", justificationRefused.path("counterpartNode").asString());
        assertEquals("RSD_CASE_PROCESSING", justificationRefused.path("purpose").asString());
        assertEquals("IDENTITY,CASE_STATUS", justificationRefused.path("categories").asString());
        assertEquals(JustificationFingerprint.of(boilerplate).sha256Hex(),
                justificationRefused.path("justificationFingerprint").asString());
        assertFalse(justificationRefused.has("requestDigest"), "nothing was signed or sent");

        JsonNode wildcard = refusal("case " + caseRef);
        assertEquals("not_individualized", wildcard.path("reasonCodes").asString(), wildcard.toString());
    }

    @Test
    @DisplayName("KG's officer uses one justification for a person, then for two others and is refused; result: the DPO's reuse alert names it for three subjects")
    void reuseRefusedLocallyRaisesTheAlert() {
        String justification = "Our case KG-SMS-2026-R" + RUN + " concerns a family whose father says a cousin applied for"
                + " asylum at the Almaty office last winter; we need that application's outcome.";
        var first = send(request("{ \"holderRecordRef\": \"KZ-" + RUN + "-RA\" }", "KG-SMS-2026-R" + RUN,
                justification));
        assertEquals(200, first.statusCode(), first.body());
        for (String other : List.of("RB", "RC")) {
            JsonNode problem = assertProblem(send(request("{ \"holderRecordRef\": \"KZ-" + RUN + "-" + other + "\" }",
                    "KG-SMS-2026-R" + RUN, justification)), 422, "justification_insufficient");
            assertTrue(problem.path("reasons").toString().contains("justification_reused"), problem.toString());
        }
        String fingerprint = JustificationFingerprint.of(justification).sha256Hex();
        JsonNode alerts = RegionData.getJson(region, "kg", "/api/v1/audit/alerts", kgDpo).path("alerts");
        JsonNode reuse = null;
        for (JsonNode alert : alerts) {
            if (alert.path("type").asString().equals("JUSTIFICATION_REUSED")
                    && alert.path("justificationFingerprint").asString().equals(fingerprint)) {
                reuse = alert;
            }
        }
        assertTrue(reuse != null, alerts.toString());
        assertEquals("KG-SMS", reuse.path("agency").asString());
        assertEquals(3, reuse.path("count").asLong(), reuse.toString());
    }

    @Test
    @DisplayName("KG's log cannot be written; result: a request refused before sending answers 503 audit_unavailable, not 422")
    void refusalWithoutLogIsUnavailable() {
        JdbcTemplate owner = RegionData.owner(region, "kg");
        owner.execute("revoke insert on access_log from gateway_app");
        try {
            assertProblem(send(request("{ \"holderRecordRef\": \"KZ-2026-000123\" }", "KG-SMS-2026-U" + RUN,
                    "For official purposes in accordance with the law.")), 503, "audit_unavailable");
        } finally {
            owner.execute("grant insert on access_log to gateway_app");
        }
    }

    /** The one refusal before sending in KG's log whose justification contains {@code text}. */
    private static JsonNode refusal(String text) {
        JsonNode page = RegionData.getJson(region, "kg",
                "/api/v1/audit/events?action=REQUEST_REFUSED_BEFORE_SENDING&agency=KG-SMS&size=500", kgDpo);
        List<JsonNode> found = new ArrayList<>();
        page.path("events").forEach(e -> {
            if (e.path("justification").asString().contains(text)) {
                found.add(e);
            }
        });
        assertEquals(1, found.size(), page.toString());
        return found.get(0);
    }

    private static java.net.http.HttpResponse<String> send(String body) {
        return Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer, body);
    }

    private static String request(String subject, String caseRef, String justification) {
        return """
                { "holderAgency": "KZ-MIGRATION", "subject": %s, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ "IDENTITY", "CASE_STATUS" ], "urgency": "ROUTINE" }""".formatted(subject, caseRef,
                justification);
    }
}
