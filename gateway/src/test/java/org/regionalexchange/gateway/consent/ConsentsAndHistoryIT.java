package org.regionalexchange.gateway.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * Consents and the DPO's Envers history on the kz node. Each test: a registrar records, lists or
 * withdraws a consent, or a DPO reads a record's revisions; result as named.
 */
class ConsentsAndHistoryIT {

    private static final String CONSENT = """
            {"recipients": [{"country": "KG"}, {"agency": "KG-SMS"}, {"organization": "UNHCR"}],
             "purposes": ["RSD_CASE_PROCESSING"], "categories": ["CLAIM", "FAMILY"],
             "validFrom": "2026-02-01", "validUntil": "2099-02-01", "givenBy": "SUBJECT",
             "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "scan-2026-0007"}""";

    private static TestRegion region;
    private static String registrar;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
        registrar = region.token("KZ-MIGRATION", "registrar");
    }

    private static String createRecord() {
        String body = """
                {"holderRecordRef": "KZ-C-%s",
                 "identity": {"familyName": "Ёкубов", "givenNames": "Илҳом", "latinFamilyName": "Yokubov",
                   "latinGivenNames": "Ilhom", "dateOfBirth": "1990", "nationalities": ["TJ"]},
                 "caseStatus": {"status": "ASYLUM_SEEKER", "statusDate": "2026-01-20"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8));
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), registrar, body);
        assertEquals(201, created.statusCode(), created.body());
        return Problems.json(created.body()).path("id").asString();
    }

    private static URI consents(String recordId) {
        return region.uri("kz", "/api/v1/records/" + recordId + "/consents");
    }

    private static String recordConsent(String recordId) {
        var created = Http.postJson(consents(recordId), registrar, CONSENT);
        assertEquals(201, created.statusCode(), created.body());
        String id = Problems.json(created.body()).path("id").asString();
        assertEquals("/api/v1/records/" + recordId + "/consents/" + id,
                created.headers().firstValue("Location").orElse(""));
        return id;
    }

    private static URI withdrawal(String recordId, String consentId) {
        return region.uri("kz", "/api/v1/records/" + recordId + "/consents/" + consentId + "/withdrawal");
    }

    @Test
    @DisplayName("a consent is recorded with the officer from the token and listed as ACTIVE")
    void recordAndList() {
        String recordId = createRecord();
        String consentId = recordConsent(recordId);
        var list = Http.get(consents(recordId), registrar);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode consent = Problems.json(list.body()).path("consents").get(0);
        assertEquals(consentId, consent.path("id").asString());
        assertEquals("ACTIVE", consent.path("status").asString());
        assertEquals("KG", consent.path("recipients").get(0).path("country").asString());
        assertEquals("UNHCR", consent.path("recipients").get(2).path("organization").asString());
        assertEquals("prs", consent.path("informedInLanguage").asString());
        assertEquals("test.registrar@kz-migration", consent.path("recordedBy").asString());
        assertTrue(consent.path("interpreterPresent").asBoolean());
    }

    @Test
    @DisplayName("withdrawal is immediate; a second withdrawal is 409; the list shows WITHDRAWN with who and why")
    void withdraw() {
        String recordId = createRecord();
        String consentId = recordConsent(recordId);
        var withdrawn = Http.postJson(withdrawal(recordId, consentId), registrar,
                "{\"reason\": \"The subject withdrew consent at the interview of 2026-03-10.\"}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("WITHDRAWN", Problems.json(withdrawn.body()).path("status").asString());
        assertProblem(Http.postJson(withdrawal(recordId, consentId), registrar, "{\"reason\": \"again\"}"), 409,
                "conflict");
        JsonNode listed = Problems.json(Http.get(consents(recordId), registrar).body()).path("consents").get(0);
        assertEquals("WITHDRAWN", listed.path("status").asString());
        assertEquals("test.registrar@kz-migration", listed.path("withdrawal").path("by").asString());
        assertTrue(listed.path("withdrawal").path("reason").asString().startsWith("The subject withdrew"));
        assertProblem(Http.postJson(withdrawal(recordId, UUID.randomUUID().toString()), registrar,
                "{\"reason\": \"no such consent\"}"), 404, "not_found");
    }

    @Test
    @DisplayName("a recipient naming two kinds is a schema violation; an unknown country or agency is invalid_value")
    void recipientValidation() {
        String recordId = createRecord();
        assertProblem(Http.postJson(consents(recordId), registrar,
                CONSENT.replace("{\"country\": \"KG\"}", "{\"country\": \"KG\", \"organization\": \"UNHCR\"}")), 400,
                "schema_violation");
        JsonNode problem = assertProblem(Http.postJson(consents(recordId), registrar,
                CONSENT.replace("{\"country\": \"KG\"}", "{\"country\": \"QQ\"}")
                        .replace("\"KG-SMS\"", "\"KG-NOBODY\"")), 400, "invalid_value");
        assertEquals(List.of("recipients[0].country", "recipients[1].agency"), Problems.fields(problem));
        assertTrue(problem.path("errors").get(0).path("message").asString().contains("'QQ'"));
    }

    @Test
    @DisplayName("another agency cannot record, list or withdraw consents of a record: 404")
    void consentIsolation() {
        String recordId = createRecord();
        String consentId = recordConsent(recordId);
        String border = region.token("KZ-BORDER", "registrar");
        assertProblem(Http.postJson(consents(recordId), border, CONSENT), 404, "not_found");
        assertProblem(Http.postJson(withdrawal(recordId, consentId), border, "{\"reason\": \"not mine\"}"), 404,
                "not_found");
        assertEquals("ACTIVE", Problems.json(Http.get(consents(recordId), registrar).body()).path("consents").get(0)
                .path("status").asString());
    }

    @Test
    @DisplayName("the DPO sees create, update and withdrawal with actor, agency, reason and changed fields")
    void history() {
        String recordId = createRecord();
        URI record = region.uri("kz", "/api/v1/records/" + recordId);
        String current = Problems.json(Http.get(record, registrar).body()).path("holderRecordRef").asString();
        String update = """
                {"holderRecordRef": "%s",
                 "identity": {"familyName": "Ёкубов", "givenNames": "Илҳом", "latinFamilyName": "Yokubov",
                   "latinGivenNames": "Ilhom", "dateOfBirth": "1990", "nationalities": ["TJ"]},
                 "caseStatus": {"status": "REFUGEE", "statusDate": "2026-04-02"},
                 "specificNeeds": {"codes": ["TORTURE_SURVIVOR"]}}""".formatted(current);
        assertEquals(200, Http.putJson(record, registrar, update, "X-Change-Reason", "RSD decision 2026-04-02",
                "X-Correlation-Id", "corr-42").statusCode());
        String consentId = recordConsent(recordId);
        assertEquals(200, Http.postJson(withdrawal(recordId, consentId), registrar,
                "{\"reason\": \"Withdrawn by the subject\"}").statusCode());

        var response = Http.get(region.uri("kz", "/api/v1/audit/records/" + recordId + "/revisions"),
                region.token("KZ-MIGRATION", "dpo"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Problems.json(response.body());
        assertEquals(recordId, body.path("recordId").asString());
        List<JsonNode> revisions = new ArrayList<>();
        body.path("revisions").forEach(revisions::add);
        assertEquals(4, revisions.size(), response.body());

        JsonNode created = revisions.get(0);
        assertEquals("record", created.path("entity").asString());
        assertEquals("ADD", created.path("type").asString());
        assertEquals("test.registrar@kz-migration", created.path("actor").asString());
        assertEquals("KZ-MIGRATION", created.path("agency").asString());
        assertEquals("kz", created.path("node").asString());
        assertEquals("record created", created.path("reason").asString());
        assertTrue(created.path("revision").asLong() > 0 && !created.path("time").asString().isEmpty());

        JsonNode updated = revisions.get(1);
        assertEquals("MOD", updated.path("type").asString());
        assertEquals("RSD decision 2026-04-02", updated.path("reason").asString());
        assertEquals("corr-42", updated.path("correlationId").asString());
        assertEquals(List.of("caseStatus", "specificNeeds"), texts(updated.path("changedFields")),
                "only the changed categories; identity is unchanged");

        JsonNode recorded = revisions.get(2);
        assertEquals("consent", recorded.path("entity").asString());
        assertEquals(consentId, recorded.path("entityId").asString());
        assertEquals("ADD", recorded.path("type").asString());
        assertEquals("consent recorded", recorded.path("reason").asString());

        JsonNode withdrawn = revisions.get(3);
        assertEquals("MOD", withdrawn.path("type").asString());
        assertEquals("consent withdrawn: Withdrawn by the subject", withdrawn.path("reason").asString());
        assertEquals(List.of("withdrawalReason", "withdrawnAt", "withdrawnBy"), texts(withdrawn.path("changedFields")));
        assertEquals("KZ-MIGRATION", withdrawn.path("agency").asString());
    }

    @Test
    @DisplayName("revisions of an unknown record are 404; a registrar cannot read history (403)")
    void historyRefusals() {
        assertProblem(Http.get(region.uri("kz", "/api/v1/audit/records/" + UUID.randomUUID() + "/revisions"),
                region.token("KZ-MIGRATION", "dpo")), 404, "not_found");
        assertProblem(Http.get(region.uri("kz", "/api/v1/audit/records/" + UUID.randomUUID() + "/revisions"),
                registrar), 403, "role_not_permitted");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
