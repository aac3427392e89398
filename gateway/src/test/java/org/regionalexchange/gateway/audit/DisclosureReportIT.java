package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * The disclosure report of a person (GET /api/v1/audit/records/{id}/disclosures) names, for every
 * release, the agency that received the data and its officer, and for a reviewed release the
 * holder's reviewer as the one who approved it, never as the recipient.
 */
class DisclosureReportIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String KG_OFFICER = "test.officer@kg-sms";
    private static final String KZ_REVIEWER = "test.reviewer@kz-migration";

    private static TestRegion region;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("KG asks about a child, a KZ reviewer approves, KG collects; result: every disclosure names KG-SMS and its officer as recipient and the reviewer as approver")
    void reviewedReleaseNamesTheRequesterAsRecipient() {
        String ref = "KZ-" + RUN + "-DCH";
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Sharifi", "givenNames": "Nilofar", "sex": "F", "dateOfBirth": "2013-02-11",
                                "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Fled a forced engagement arranged by an armed group commander.",
                             "grounds": ["PARTICULAR_SOCIAL_GROUP"], "countriesOfFear": ["AF"] } }"""
                .formatted(ref));
        assertEquals(201, created.statusCode(), created.body());
        UUID recordId = UUID.fromString(Problems.json(created.body()).path("id").asString());
        RegionData.consent(region, recordId, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"",
                "2026-01-01", "2030-01-01");

        var asked = RegionData.askFromKg(region, ref, "KG-SMS-2026-D" + RUN, "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"");
        assertEquals(200, asked.statusCode(), asked.body());
        JsonNode pending = Problems.json(asked.body());
        assertEquals("PENDING_REVIEW", pending.path("outcome").asString(), pending.toString());
        String requestId = pending.path("requestId").asString();
        var approved = Http.postJson(region.uri("kz", "/api/v1/reviews/" + requestId),
                region.token("KZ-MIGRATION", "reviewer"),
                "{ \"decision\": \"APPROVE\", \"note\": \"Guardian present at the interview; release in the child's interest.\" }");
        assertEquals(200, approved.statusCode(), approved.body());
        var collected = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), region.token("KG-SMS", "officer"));
        assertEquals("RELEASED", Problems.json(collected.body()).path("outcome").asString(), collected.body());

        JsonNode report = RegionData.getJson(region, "kz", "/api/v1/audit/records/" + recordId + "/disclosures",
                region.token("KZ-BORDER", "dpo"));
        List<String> actions = new ArrayList<>();
        for (JsonNode disclosure : report.path("disclosures")) {
            actions.add(disclosure.path("action").asString());
            String where = disclosure.toString();
            assertEquals(requestId, disclosure.path("requestId").asString(), where);
            assertEquals("KG-SMS", disclosure.path("recipientAgency").asString(), where);
            assertEquals(KG_OFFICER, disclosure.path("recipientOfficer").asString(), where);
            assertEquals("kg", disclosure.path("recipientNode").asString(), where);
            assertEquals("KG", disclosure.path("recipientParty").asString(), where);
            assertEquals(KZ_REVIEWER, disclosure.path("approvedBy").asString(), where);
            assertEquals("KZ-MIGRATION", disclosure.path("approverAgency").asString(), where);
            assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), strings(disclosure.path("categories")), where);
        }
        assertTrue(actions.contains("REVIEW_DECIDED"), "the approval that made the answer releasable: " + actions);
        assertTrue(actions.size() >= 2, "the approval and the collection by the requester node: " + actions);
        assertFalse(report.toString().contains("\"recipientOfficer\":\"" + KZ_REVIEWER + "\""), report.toString());
    }

    @Test
    @DisplayName("KG asks about an adult and gets the answer at once; result: one disclosure to KG-SMS and its officer, nobody approved it")
    void directReleaseHasNoApprover() {
        String ref = "KZ-" + RUN + "-DAD";
        UUID recordId = RegionData.register(region, ref, "Ghafoori");
        var asked = RegionData.askFromKg(region, ref, "KG-SMS-2026-E" + RUN, "\"IDENTITY\", \"CASE_STATUS\"");
        assertEquals(200, asked.statusCode(), asked.body());
        JsonNode report = RegionData.getJson(region, "kz", "/api/v1/audit/records/" + recordId + "/disclosures",
                region.token("KZ-MIGRATION", "dpo"));
        assertEquals(1, report.path("disclosures").size(), report.toString());
        JsonNode disclosure = report.path("disclosures").get(0);
        assertEquals("REQUEST_DECIDED", disclosure.path("action").asString());
        assertEquals("KG-SMS", disclosure.path("recipientAgency").asString());
        assertEquals(KG_OFFICER, disclosure.path("recipientOfficer").asString());
        assertFalse(disclosure.has("approvedBy"), disclosure.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
