package org.regionalexchange.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Subject records over real HTTP on the kz node (real PostgreSQL). Each test: a registrar sends a
 * record; result: it is stored for its agency only, with history and access-log events.
 */
class RecordsIT {

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    static String record(String ref, String nationality) {
        return """
                {"holderRecordRef": "%s",
                 "identity": {"familyName": "Rahimi", "givenNames": "Ahmad", "sex": "M", "dateOfBirth": "1994-03-02",
                   "placeOfBirth": "Kunduz", "nationalities": ["AF", "%s"], "formerHabitualResidences": [],
                   "documents": [{"type": "PASSPORT", "number": "P1234567", "issuingCountry": "AF"}]},
                 "caseStatus": {"status": "ASYLUM_SEEKER", "statusDate": "2026-01-15"},
                 "claim": {"summary": "Fled after threats against his family.", "grounds": ["POLITICAL_OPINION"], "countriesOfFear": ["AF"]},
                 "contact": {"address": "Almaty, sample street 1", "phone": "+7 700 000 0000"},
                 "protectionHold": false}""".formatted(ref, nationality);
    }

    static String uniqueRef() {
        return "KZ-T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a record as a KZ-MIGRATION registrar; returns its id. */
    static String create(String ref) {
        HttpResponse<String> created = Http.postJson(region().uri("kz", "/api/v1/records"),
                region().token("KZ-MIGRATION", "registrar"), record(ref, "IR"));
        assertEquals(201, created.statusCode(), created.body());
        String id = Problems.json(created.body()).path("id").asString();
        assertEquals("/api/v1/records/" + id, created.headers().firstValue("Location").orElse(""));
        return id;
    }

    static TestRegion region() {
        return region == null ? TestRegion.shared() : region;
    }

    static URI recordUri(String id) {
        return region().uri("kz", "/api/v1/records/" + id);
    }

    static JdbcClient database(String node) {
        return region().start(node).getBean(JdbcClient.class);
    }

    @Test
    @DisplayName("a registrar creates a record and reads it back with id, holder agency and times")
    void createAndRead() {
        String ref = uniqueRef();
        String id = create(ref);
        var read = Http.get(recordUri(id), region.token("KZ-MIGRATION", "registrar"));
        assertEquals(200, read.statusCode(), read.body());
        JsonNode body = Problems.json(read.body());
        assertEquals(id, body.path("id").asString());
        assertEquals("KZ-MIGRATION", body.path("holderAgency").asString());
        assertEquals(ref, body.path("holderRecordRef").asString());
        assertEquals("Rahimi", body.path("identity").path("familyName").asString());
        assertEquals("P1234567", body.path("identity").path("documents").get(0).path("number").asString());
        assertEquals("ASYLUM_SEEKER", body.path("caseStatus").path("status").asString());
        assertEquals("POLITICAL_OPINION", body.path("claim").path("grounds").get(0).asString());
        assertFalse(body.path("protectionHold").asBoolean());
        assertFalse(body.has("family"), "absent categories are left out");
        assertFalse(body.path("createdAt").asString().isEmpty());
        assertEquals(List.of("RECORD_CREATED", "RECORD_READ"), actions(id));
    }

    @Test
    @DisplayName("an update replaces the record; the read shows the new status")
    void update() {
        String id = create(uniqueRef());
        String token = region.token("KZ-MIGRATION", "registrar");
        String changed = record(Problems.json(Http.get(recordUri(id), token).body()).path("holderRecordRef").asString(), "IR")
                .replace("\"ASYLUM_SEEKER\", \"statusDate\": \"2026-01-15\"", "\"REFUGEE\", \"statusDate\": \"2026-03-01\"");
        var updated = Http.putJson(recordUri(id), token, changed, "X-Change-Reason", "RSD decision of 2026-03-01");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("REFUGEE", Problems.json(updated.body()).path("caseStatus").path("status").asString());
        assertEquals("REFUGEE", Problems.json(Http.get(recordUri(id), token).body()).path("caseStatus").path("status").asString());
    }

    @Test
    @DisplayName("optimistic concurrency: the read gives the version as ETag; a PUT with a stale If-Match is 409 conflict and changes nothing")
    void staleVersionIsRefused() {
        String ref = uniqueRef();
        String id = create(ref);
        String token = region.token("KZ-MIGRATION", "registrar");
        var read = Http.get(recordUri(id), token);
        long version = Problems.json(read.body()).path("version").asLong();
        assertEquals("\"" + version + "\"", read.headers().firstValue("ETag").orElse(""));

        String refugee = record(ref, "IR").replace("\"ASYLUM_SEEKER\", \"statusDate\": \"2026-01-15\"",
                "\"REFUGEE\", \"statusDate\": \"2026-03-01\"");
        var first = Http.putJson(recordUri(id), token, refugee, "If-Match", "\"" + version + "\"");
        assertEquals(200, first.statusCode(), first.body());
        long next = Problems.json(first.body()).path("version").asLong();
        assertTrue(next > version, first.body());
        assertEquals("\"" + next + "\"", first.headers().firstValue("ETag").orElse(""));

        // A second registrar still holding the first version: refused, the first change stays.
        String rejected = record(ref, "IR").replace("\"ASYLUM_SEEKER\", \"statusDate\": \"2026-01-15\"",
                "\"REJECTED\", \"statusDate\": \"2026-03-02\"");
        JsonNode conflict = assertProblem(Http.putJson(recordUri(id), token, rejected, "If-Match", "\"" + version + "\""),
                409, "conflict");
        assertEquals("version", conflict.path("errors").get(0).path("field").asString(), conflict::toString);
        JsonNode now = Problems.json(Http.get(recordUri(id), token).body());
        assertEquals("REFUGEE", now.path("caseStatus").path("status").asString());
        assertEquals(next, now.path("version").asLong());

        assertProblem(Http.putJson(recordUri(id), token, rejected, "If-Match", "*"), 400, "invalid_parameter");
        assertProblem(Http.putJson(recordUri(id), token, rejected, "If-Match", "W/\"" + next + "\""), 400,
                "invalid_parameter");
        assertEquals(200, Http.putJson(recordUri(id), token, rejected, "If-Match", "\"" + next + "\"").statusCode());
    }

    @Test
    @DisplayName("a second record with the same holderRecordRef in one agency is 409 conflict; another agency may use it")
    void duplicateReference() {
        String ref = uniqueRef();
        create(ref);
        var again = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"),
                record(ref, "IR"));
        JsonNode problem = assertProblem(again, 409, "conflict");
        assertEquals(List.of("holderRecordRef"), Problems.fields(problem));
        var otherAgency = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-BORDER", "registrar"),
                record(ref, "IR"));
        assertEquals(201, otherAgency.statusCode(), otherAgency.body());
    }

    @Test
    @DisplayName("an unknown country code is 400 invalid_value naming the field and the value")
    void unknownCountry() {
        var response = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"),
                record(uniqueRef(), "XX"));
        JsonNode problem = assertProblem(response, 400, "invalid_value");
        assertEquals("identity.nationalities[1]", problem.path("errors").get(0).path("field").asString());
        assertEquals("Unknown country code 'XX'; expected ISO 3166-1 alpha-2",
                problem.path("errors").get(0).path("message").asString());
    }

    @Test
    @DisplayName("a body that breaks the schema is 400 schema_violation before anything is stored")
    void schemaViolation() {
        var response = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"),
                "{\"holderRecordRef\": \"X-1\", \"identity\": {\"familyName\": \"A\"}}");
        JsonNode problem = assertProblem(response, 400, "schema_violation");
        assertTrue(Problems.fields(problem).contains("caseStatus"), problem.toString());
    }

    @Test
    @DisplayName("a registrar of KZ-BORDER asking for a KZ-MIGRATION record gets 404, and ACCESS_REFUSED is logged")
    void agencyIsolation() {
        String id = create(uniqueRef());
        String border = region.token("KZ-BORDER", "registrar");
        JsonNode refused = assertProblem(Http.get(recordUri(id), border), 404, "not_found");
        JsonNode missing = assertProblem(Http.get(recordUri(UUID.randomUUID().toString()), border), 404, "not_found");
        assertEquals(missing.path("detail").asString(), refused.path("detail").asString(),
                "another agency's record looks exactly like a missing one");
        assertProblem(Http.putJson(recordUri(id), border, record("KZ-B-1", "IR")), 404, "not_found");
        assertProblem(Http.get(region.uri("kz", "/api/v1/records/" + id + "/consents"), border), 404, "not_found");
        List<String> refusals = database("kz").sql(
                        "SELECT agency || ':' || outcome || ':' || reason_codes FROM access_log"
                                + " WHERE record_id = ?::uuid AND action = 'ACCESS_REFUSED' ORDER BY id")
                .param(id).query(String.class).list();
        assertEquals(List.of("KZ-BORDER:REFUSED:record_of_other_agency", "KZ-BORDER:REFUSED:record_of_other_agency",
                "KZ-BORDER:REFUSED:record_of_other_agency"), refusals);
        assertEquals(List.of("RECORD_CREATED", "ACCESS_REFUSED", "ACCESS_REFUSED", "ACCESS_REFUSED"), actions(id));
    }

    @Test
    @DisplayName("roles: an officer or a DPO cannot use the registrar's record API")
    void otherRolesRefused() {
        assertProblem(Http.get(recordUri(UUID.randomUUID().toString()), region.token("KZ-MIGRATION", "officer")), 403,
                "role_not_permitted");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "dpo"),
                record(uniqueRef(), "IR")), 403, "role_not_permitted");
    }

    @Test
    @DisplayName("a malformed record id is 400 invalid_parameter")
    void badId() {
        assertProblem(Http.get(recordUri("not-a-uuid"), region.token("KZ-MIGRATION", "registrar")), 400,
                "invalid_parameter");
    }

    static List<String> actions(String recordId) {
        return database("kz").sql("SELECT action FROM access_log WHERE record_id = ?::uuid ORDER BY id")
                .param(recordId).query(String.class).list();
    }
}
