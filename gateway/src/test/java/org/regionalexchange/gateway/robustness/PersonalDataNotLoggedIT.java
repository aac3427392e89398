package org.regionalexchange.gateway.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Personal data never reaches the application log, whatever the input and whatever the database
 * answers. Each test captures the log of the shared region's nodes while a
 * registrar or an officer sends control characters, or while the database refuses a write with an
 * error that quotes the person's data; result: a 4xx or 5xx problem with a true code, and neither
 * the names, nor the claim, nor a control character in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNotLoggedIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    /** Words that appear only in this test's personal data: none may reach the log. */
    private static final List<String> PERSONAL = List.of("Zulfiyeva" + RUN, "Gulnoza" + RUN, "Persecuted" + RUN,
            "Anvarov" + RUN, "Whereabouts" + RUN, "Justified" + RUN, "Withdrawn" + RUN, "Reviewed" + RUN);

    private static TestRegion region;
    private static String registrar;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        registrar = region.token("KZ-MIGRATION", "registrar");
    }

    /** A record whose personal fields hold {@code insert} (JSON text, e.g. an escaped NUL). */
    private static String record(String ref, String insert) {
        return """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Zulfiyeva%s%s", "givenNames": "Gulnoza%s%s", "sex": "F",
                                "dateOfBirth": "1993-02-11", "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Persecuted%s%s for her journalism.", "grounds": ["POLITICAL_OPINION"] },
                  "family": [ { "relation": "SPOUSE", "familyName": "Anvarov%s%s", "givenNames": "Timur",
                                "whereabouts": "Whereabouts%s unknown" } ] }"""
                .formatted(ref, RUN, insert, RUN, insert, RUN, insert, RUN, insert, RUN);
    }

    @Test
    @DisplayName("a registrar registers a person whose names and claim carry NUL and other control characters; result: 400 schema_violation naming each field, and nothing of the person in the log")
    void controlCharactersAreRefusedAtTheBoundary(CapturedOutput output) {
        for (String insert : List.of("\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085", "\\ud800")) {
            var refused = Http.postJson(region.uri("kz", "/api/v1/records"), registrar,
                    record("KZ-" + RUN + "-NUL" + insert.substring(2), insert));
            JsonNode problem = assertProblem(refused, 400, "schema_violation");
            assertEquals(List.of("claim.summary", "family[0].familyName", "identity.familyName", "identity.givenNames"),
                    Problems.fields(problem), refused.body());
            assertFalse(refused.body().contains(RUN), "the answer quotes no value: " + refused.body());
        }
        // Ordinary line breaks and tabs in free text stay allowed.
        var accepted = Http.postJson(region.uri("kz", "/api/v1/records"), registrar,
                record("KZ-" + RUN + "-TAB", "").replace("for her journalism.", "for her\\njournalism\\t(2019)."));
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertNothingPersonal(output);
    }

    @Test
    @DisplayName("NUL in a request's justification, a withdrawal's reason and a review's note; result: 400 schema_violation, never 409 or 5xx, nothing of it in the log")
    void controlCharactersInOtherBodies(CapturedOutput output) {
        String justification = RegionData.JUSTIFICATION.formatted("KG-SMS-" + RUN) + " Justified" + RUN + "\\u0000";
        var request = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "KZ-%s-NOBODY" },
                  "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-%s",
                  "justification": "%s", "categories": ["IDENTITY"], "urgency": "ROUTINE" }"""
                .formatted(RUN, RUN, justification));
        assertEquals(List.of("justification"), Problems.fields(assertProblem(request, 400, "schema_violation")));
        UUID record = RegionData.register(region, "KZ-" + RUN + "-WDR", "Withdrawova");
        UUID consent = RegionData.consent(region, record, "{ \"agency\": \"KG-SMS\" }", "FAMILY_TRACING", "\"FAMILY\"",
                "2026-01-01", "2030-01-01");
        var withdrawal = Http.postJson(region.uri("kz", "/api/v1/records/" + record + "/consents/" + consent
                + "/withdrawal"), registrar, "{ \"reason\": \"Withdrawn" + RUN + "\\u0000 at the interview\" }");
        assertEquals(List.of("reason"), Problems.fields(assertProblem(withdrawal, 400, "schema_violation")));
        var review = Http.postJson(region.uri("kz", "/api/v1/reviews/" + UUID.randomUUID()),
                region.token("KZ-MIGRATION", "reviewer"), "{ \"decision\": \"REJECT\", \"note\": \"Reviewed" + RUN
                        + "\\u0000\" }");
        assertEquals(List.of("note"), Problems.fields(assertProblem(review, 400, "schema_violation")));
        var keyOfControl = Http.postJson(region.uri("kz", "/api/v1/records/" + record + "/consents/" + consent
                + "/withdrawal"), registrar, "{ \"reason\": \"Withdrawn" + RUN + "\", \"x\\u0000\": 1 }");
        assertProblem(keyOfControl, 400, "schema_violation");
        assertNothingPersonal(output);
    }

    @Test
    @DisplayName("the database refuses a registration with an error that quotes the name and the claim; result: 500 internal_error (not a false 409), and neither in the log")
    void databaseErrorsAreNotConflictsAndAreLoggedWithoutData(CapturedOutput output) {
        JdbcTemplate owner = RegionData.owner(region, "kz");
        owner.execute("""
                create or replace function test_refuse_record() returns trigger language plpgsql as $$
                begin
                  if new.holder_record_ref like '%-DUP' then
                    raise exception using errcode = 'unique_violation',
                      message = 'duplicate key value violates unique constraint "subject_record_holder_ref"',
                      detail = 'Key (holder_agency, holder_record_ref)=(' || new.holder_agency || ', '
                        || new.holder_record_ref || ') already exists; ' || (new.identity ->> 'familyName');
                  end if;
                  raise exception using message = 'refused ' || (new.identity ->> 'familyName'),
                    detail = new.claim::text, hint = new.family::text;
                end $$""");
        owner.execute("create trigger test_refuse_record before insert on subject_record for each row"
                + " when (new.holder_record_ref like 'KZ-" + RUN + "-DB%') execute function test_refuse_record()");
        try {
            var failed = Http.postJson(region.uri("kz", "/api/v1/records"), registrar, record("KZ-" + RUN + "-DBE", ""));
            assertProblem(failed, 500, "internal_error");
            assertFalse(failed.body().contains(RUN), failed.body());
            var raced = Http.postJson(region.uri("kz", "/api/v1/records"), registrar, record("KZ-" + RUN + "-DB-DUP", ""));
            assertEquals(List.of("holderRecordRef"), Problems.fields(assertProblem(raced, 409, "conflict")));
        } finally {
            owner.execute("drop trigger test_refuse_record on subject_record");
            owner.execute("drop function test_refuse_record()");
        }
        assertNothingPersonal(output);
    }

    @Test
    @DisplayName("a registrar registers a long Kazakh name whose matching key outgrows its column; result: 201, and the record reads back")
    void longNamesAreRegistered(CapturedOutput output) {
        String name = "Ң".repeat(200);
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), registrar,
                record("KZ-" + RUN + "-LONG", "").replace("Zulfiyeva" + RUN, name));
        assertEquals(201, created.statusCode(), created.body());
        String id = Problems.json(created.body()).path("id").asString();
        JsonNode read = RegionData.getJson(region, "kz", "/api/v1/records/" + id, registrar);
        assertEquals(name, read.path("identity").path("familyName").asString());
        assertNothingPersonal(output);
    }

    @Test
    @DisplayName("a referral's slip printed in English and Russian, with a name holding a letter the embedded font lacks, and a record opened from it; result: PDFs and a record, and nothing of the person in the log")
    void printedSlipsAndOpenedRecordsLogNoName(CapturedOutput output) {
        // U+0750 (Arabic Supplement) has no glyph in DejaVu Sans: a renderer would warn about it.
        var registered = Http.postJson(region.uri("kz", "/api/v1/records"), registrar,
                record("KZ-" + RUN + "-SLIP", "").replace("Gulnoza" + RUN, "Gulnoza" + RUN + " \u0750\u0681"));
        assertEquals(201, registered.statusCode(), registered.body());
        String recordId = Problems.json(registered.body()).path("id").asString();
        var referred = Http.postJson(region.uri("kz", "/api/v1/referrals"), registrar, """
                { "recordId": "%s", "toAgency": "UNHCR-KZ", "type": "UNHCR", "categories": ["IDENTITY", "FAMILY"],
                  "consent": { "givenBy": "SUBJECT", "informedInLanguage": "ru", "interpreterPresent": false } }"""
                .formatted(recordId));
        assertEquals(201, referred.statusCode(), referred.body());
        String referral = Problems.json(referred.body()).path("id").asString();
        String receiver = region.token("UNHCR-KZ", "registrar");
        for (String lang : List.of("en", "ru")) {
            var slip = Http.getBytes(region.uri("kz", "/api/v1/referrals/" + referral + "/slip?lang=" + lang), receiver);
            assertEquals(200, slip.statusCode());
            assertEquals("%PDF-", new String(slip.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        }
        for (String step : List.of("acknowledgement", "acceptance")) {
            assertEquals(200, Http.postJson(region.uri("kz", "/api/v1/referrals/" + referral + "/" + step), receiver, "{}")
                    .statusCode());
        }
        var opened = Http.postJson(region.uri("kz", "/api/v1/referrals/" + referral + "/record"), receiver, """
                { "holderRecordRef": "UNHCR-KZ-%s", "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-12-01" } }"""
                .formatted(RUN));
        assertEquals(201, opened.statusCode(), opened.body());
        assertNothingPersonal(output);
    }

    private static void assertNothingPersonal(CapturedOutput output) {
        String log = output.getAll();
        for (String word : PERSONAL) {
            assertFalse(log.contains(word), "personal data in the log: " + word);
        }
        assertFalse(log.contains("ҢҢҢ"), "a name in the log");
        assertFalse(log.toLowerCase().contains("insert into"), "SQL in the log");
        assertFalse(log.contains("\u0000"), "a NUL in the log");
    }
}
