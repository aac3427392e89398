package org.regionalexchange.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;
import static org.regionalexchange.gateway.testing.Problems.fields;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * Request bodies against the JSON Schemas of the schemas module, over real HTTP. The client sends
 * a bad body; result: 400 problem+json with a stable code, naming the field where there is one.
 */
class SchemaBodyIT {

    private static final String VALID = """
            { "recipients": [ { "country": "KG" }, { "agency": "KG-SMS" }, { "organization": "UNHCR" } ],
              "purposes": ["RSD_CASE_PROCESSING"], "categories": ["CLAIM", "FAMILY"],
              "validFrom": "2026-02-01", "validUntil": "2027-02-01", "givenBy": "SUBJECT",
              "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "scan-2026-0007" }""";

    private static TestRegion region;
    private static String admin;
    private static URI probe;

    @BeforeAll
    static void start() {
        region = TestRegion.shared();
        admin = region.token("KZ-MIGRATION", "admin");
        probe = region.uri("kz", "/api/v1/admin/test-probe/consent");
    }

    @Test
    @DisplayName("a valid body passes validation and is bound")
    void valid() {
        var response = Http.postJson(probe, admin, VALID);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, Problems.json(response.body()).path("recipients").asInt());
    }

    @Test
    @DisplayName("an impossible date is a schema violation naming validFrom")
    void badDate() {
        var problem = assertProblem(Http.postJson(probe, admin, VALID.replace("2026-02-01", "2026-02-31")), 400,
                "schema_violation");
        assertEquals(java.util.List.of("validFrom"), fields(problem));
    }

    @Test
    @DisplayName("a missing required field is named")
    void missingField() {
        var problem = assertProblem(Http.postJson(probe, admin, VALID.replace("\"givenBy\": \"SUBJECT\",", "")), 400,
                "schema_violation");
        assertTrue(fields(problem).contains("givenBy"), fields(problem).toString());
    }

    @Test
    @DisplayName("an unknown enum value, a wrong type and an unknown property are each named")
    void severalErrorsAtOnce() {
        String body = VALID.replace("\"CLAIM\"", "\"EVERYTHING\"")
                .replace("\"interpreterPresent\": true", "\"interpreterPresent\": \"yes\", \"note\": 1");
        var problem = assertProblem(Http.postJson(probe, admin, body), 400, "schema_violation");
        var named = fields(problem);
        assertTrue(named.contains("categories[0]"), named.toString());
        assertTrue(named.contains("interpreterPresent"), named.toString());
        assertTrue(named.contains("note"), named.toString());
    }

    @Test
    @DisplayName("a recipient naming both a country and an agency is refused")
    void recipientWithTwoKinds() {
        String body = VALID.replace("{ \"country\": \"KG\" }", "{ \"country\": \"KG\", \"agency\": \"KG-SMS\" }");
        var problem = assertProblem(Http.postJson(probe, admin, body), 400, "schema_violation");
        assertTrue(fields(problem).contains("recipients[0]"), fields(problem).toString());
    }

    @Test
    @DisplayName("malformed JSON is malformed_body")
    void malformed() {
        assertProblem(Http.postJson(probe, admin, "{\"recipients\": [ "), 400, "malformed_body");
        assertProblem(Http.postJson(probe, admin, VALID + " {}"), 400, "malformed_body");
        assertProblem(Http.postJson(probe, admin, "{\"givenBy\":\"SUBJECT\",\"givenBy\":\"GUARDIAN\"}"), 400,
                "malformed_body");
        assertProblem(Http.postJson(probe, admin, ""), 400, "malformed_body");
    }

    @Test
    @DisplayName("invalid UTF-8 is malformed_body")
    void invalidUtf8() {
        byte[] body = "{\"evidenceRef\": \"ab\"}".getBytes(StandardCharsets.UTF_8);
        body[17] = (byte) 0xC3;
        body[18] = (byte) 0x28;
        assertProblem(Http.post(probe, admin, "application/json", body), 400, "malformed_body");
    }

    @Test
    @DisplayName("a body over the limit is body_too_large")
    void oversize() {
        String huge = "{\"evidenceRef\": \"" + "a".repeat(300_000) + "\"}";
        assertProblem(Http.postJson(probe, admin, huge), 400, "body_too_large");
    }

    @Test
    @DisplayName("deeply nested JSON is refused without a server error")
    void deeplyNested() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        var response = Http.postJson(probe, admin, nested);
        assertTrue(response.statusCode() == 400, response.body());
    }

    @Test
    @DisplayName("a body that is not JSON is unsupported_media_type")
    void notJson() {
        assertProblem(Http.post(probe, admin, "text/plain", VALID.getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertProblem(Http.post(probe, admin, null, VALID.getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
    }
}
