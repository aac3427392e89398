package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.PdfText;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * The receiving office's side of a referral on real nodes: the printed slip (checked by the text
 * PDFBox extracts from it) and a record opened from an accepted referral, exactly once.
 */
class ReceivingOfficeIT {

    private static final String CONSENT = """
            { "givenBy": "SUBJECT", "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "slip-0042" }""";
    private static final String GUARDIAN_CONSENT = """
            { "givenBy": "GUARDIAN", "informedInLanguage": "ps", "interpreterPresent": false, "evidenceRef": "form-7781" }""";
    /** Dari (Arabic script) names: Ahmad Rahimi. */
    private static final String DARI_FAMILY = "رحیمی";
    private static final String DARI_GIVEN = "احمد";

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("the slip of a screened Afghan in Russian: Russian labels, his Dari name, where to go with hours and hotline, what was shared on his consent")
    void slipInRussianWithArabicScriptName() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"familyName\": \"" + DARI_FAMILY + "\", \"givenNames\": \"" + DARI_GIVEN + "\", \"sex\": \"M\","
                        + " \"dateOfBirth\": \"1990-04-02\", \"nationalities\": [\"AF\"], \"accompaniment\": \"ALONE\"",
                "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"PERSECUTION\"], \"forcedToLeave\": true", "")));
        String id = created(Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token("KZ-BORDER", "screener"), """
                { "screeningId": "%s", "toAgency": "KZ-MIGRATION", "type": "ASYLUM_PROCEDURE",
                  "categories": ["IDENTITY", "SCREENING"], "consent": %s }""".formatted(screening, CONSENT)))
                .path("id").asString();

        String text = slip(id, "ru", region.token("KZ-MIGRATION", "registrar"));
        for (String expected : List.of("Направление", "Номер направления", "Фамилия (как записано)", id, "Куда обратиться",
                "Migration Service, Ministry of Internal Affairs of the Republic of Kazakhstan",
                "Refugee Status Determination Unit", "Astana, sample address 1", "+7 7172 000 101",
                "Mon-Fri 09:00-18:00", "+7 7172 000 199", "Процедура предоставления убежища",
                "Личные данные", "Первичное собеседование и его признаки",
                "Информированное согласие на это направление", "само лицо", "дари (prs)", "slip-0042",
                "Афганистан (AF)", "1990-04-02")) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' missing from the slip: " + text);
        }
        assertTrue(text.contains(DARI_FAMILY), () -> "the family name in Arabic script: " + text);
        assertTrue(text.contains(DARI_GIVEN), () -> "the given name in Arabic script: " + text);
        assertFalse(text.contains("Статус дела"), "CASE_STATUS was not shared: " + text);
        // The sender prints it too; each print is a read in the access log.
        slip(id, "en", region.token("KZ-BORDER", "screener"));
        List<String> reads = RegionData.app(region, "kz").queryForList("SELECT agency || ':' || reason_codes FROM access_log"
                + " WHERE record_id = ?::uuid AND action = 'REFERRAL_READ' ORDER BY id", String.class, id);
        assertEquals(2, reads.size(), reads::toString);
        assertTrue(reads.get(0).startsWith("KZ-MIGRATION:") && reads.get(0).contains("receiver")
                && reads.get(0).contains("slip"), reads::toString);
        assertTrue(reads.get(1).startsWith("KZ-BORDER:") && reads.get(1).contains("sender"), reads::toString);
    }

    @Test
    @DisplayName("the slip of a record in English: the Cyrillic name as written and its Latin transliteration, the UNHCR office's contacts")
    void slipOfARecordWithCyrillicNameAndTransliteration() {
        String id = recordReferralToUnhcr("Рахимова", "Зарина", "Rakhimova", "Zarina");
        String text = slip(id, "en", region.token("UNHCR-KZ", "registrar"));
        for (String expected : List.of("Referral slip", "Рахимова", "Зарина", "Rakhimova", "Zarina",
                "UNHCR Office in Kazakhstan", "Protection Unit", "Protection Officer on duty", "+7 727 000 301",
                "Mon-Fri 09:00-17:30", "Identity", "Case status", "Informed consent to this referral", "Dari (prs)",
                "slip-0042", "Family name (Latin transliteration)")) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' missing from the slip: " + text);
        }
        assertFalse(text.contains("Asylum claim"), "CLAIM was not shared: " + text);
        assertFalse(text.contains("Threatened for teaching girls"), "the claim's text never prints: " + text);
        assertTrue(PdfText.embedsFont(Http.getBytes(region.uri("kz", "/api/v1/referrals/" + id + "/slip"),
                region.token("UNHCR-KZ", "registrar")), "DejaVuSans"));
    }

    @Test
    @DisplayName("a child's best-interest referral: the slip states the basis and the reason; a third agency cannot fetch it; an unknown language is refused")
    void bestInterestSlipAndRefusals() {
        String id = childReferral("null", "\"Boy of 15 travelling alone; no guardian can be reached tonight.\"");
        String text = slip(id, "en", region.token("KZ-CHILD-PROTECTION", "registrar"));
        for (String expected : List.of("URGENT", "Child protection", "Best interest of the child, without consent",
                "Reason (best interest of the child)", "Boy of 15 travelling alone; no guardian can be reached tonight.",
                "Sample child protection authority of the Republic of Kazakhstan", "24/7", "+7 7172 000 901", "Ali")) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' missing from the slip: " + text);
        }
        assertFalse(text.contains("Consent given by"), text);
        String russian = slip(id, "ru", region.token("KZ-CHILD-PROTECTION", "registrar"));
        assertTrue(russian.contains("Наилучшие интересы ребёнка, без согласия"), russian);
        assertTrue(russian.contains("СРОЧНО"), russian);

        var stranger = Http.get(region.uri("kz", "/api/v1/referrals/" + id + "/slip"), region.token("KZ-CARE", "screener"));
        assertProblem(stranger, 404, "not_found");
        assertEquals(1, RegionData.app(region, "kz").queryForObject("SELECT count(*) FROM access_log WHERE record_id ="
                + " ?::uuid AND action = 'ACCESS_REFUSED' AND agency = 'KZ-CARE'", Integer.class, id));
        assertProblem(Http.get(region.uri("kz", "/api/v1/referrals/" + UUID.randomUUID() + "/slip"),
                region.token("KZ-CHILD-PROTECTION", "registrar")), 404, "not_found");
        JsonNode problem = assertProblem(Http.get(region.uri("kz", "/api/v1/referrals/" + id + "/slip?lang=fr"),
                region.token("KZ-CHILD-PROTECTION", "registrar")), 400, "invalid_parameter");
        assertEquals(List.of("lang"), Problems.fields(problem));
    }

    @Test
    @DisplayName("a revoked referral has no slip")
    void revokedHasNoSlip() {
        String id = childReferral("null", "\"Alone at the post.\"");
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/revocation"), region.token("KZ-BORDER", "screener"),
                "{ \"reason\": \"The boy's father arrived.\" }"));
        assertProblem(Http.get(region.uri("kz", "/api/v1/referrals/" + id + "/slip"),
                region.token("KZ-CHILD-PROTECTION", "registrar")), 409, "conflict");
    }

    @Test
    @DisplayName("a record opened from an accepted referral: the referred data pre-filled, the consent carried as given, once only; refused before acceptance and for any other agency")
    void recordFromAcceptedReferral() {
        String id = childReferral(GUARDIAN_CONSENT, "null");
        String receiver = region.token("KZ-CHILD-PROTECTION", "registrar");
        String body = """
                { "holderRecordRef": "KZ-CP-%s", "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-12-01" },
                  "identity": { "familyName": "Karimi", "givenNames": "Not this one" } }""".formatted(
                UUID.randomUUID().toString().substring(0, 8));
        String open = "/api/v1/referrals/" + id + "/record";

        // Not yet accepted (SENT, then RECEIVED): refused, nothing opened.
        assertProblem(Http.postJson(region.uri("kz", open), receiver, body), 409, "referral_not_accepted");
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acknowledgement"), receiver, "{}"));
        assertProblem(Http.postJson(region.uri("kz", open), receiver, body), 409, "referral_not_accepted");
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acceptance"), receiver, "{}"));
        // Not the receiver: the sender, a third agency; nor a screener of the receiver.
        assertProblem(Http.postJson(region.uri("kz", open), region.token("KZ-BORDER", "registrar"), body), 404, "not_found");
        assertProblem(Http.postJson(region.uri("kz", open), region.token("KZ-CARE", "registrar"), body), 404, "not_found");
        assertProblem(Http.postJson(region.uri("kz", open), region.token("KZ-CHILD-PROTECTION", "screener"), body), 403,
                "role_not_permitted");
        // The record must be complete: the referral has no family name and none is given.
        JsonNode incomplete = assertProblem(Http.postJson(region.uri("kz", open), receiver, """
                { "holderRecordRef": "KZ-CP-INCOMPLETE", "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-12-01" } }"""),
                400, "invalid_value");
        assertTrue(Problems.fields(incomplete).contains("identity.familyName"), incomplete::toString);

        JsonNode opened = created(Http.postJson(region.uri("kz", open), receiver, body));
        String recordId = opened.path("recordId").asString();
        assertEquals(id, opened.path("referralId").asString());
        assertEquals("CONSENT", opened.path("basis").asString());
        assertEquals(Problems.json(GUARDIAN_CONSENT), opened.path("consent"), "the consent carried over as given");
        assertEquals(List.of("IDENTITY", "SPECIFIC_NEEDS"), List.of(opened.path("categories").get(0).asString(),
                opened.path("categories").get(1).asString()));

        JsonNode record = ok(Http.get(region.uri("kz", "/api/v1/records/" + recordId), receiver));
        assertEquals("KZ-CHILD-PROTECTION", record.path("holderAgency").asString());
        assertEquals("Ali", record.path("identity").path("givenNames").asString(), "referred: kept as referred");
        assertEquals("Karimi", record.path("identity").path("familyName").asString(), "not referred: as given");
        assertEquals("2011-03-01", record.path("identity").path("dateOfBirth").asString());
        assertEquals("AF", record.path("identity").path("nationalities").get(0).asString());
        assertEquals("UNACCOMPANIED_CHILD", record.path("specificNeeds").path("codes").get(0).asString());
        assertTrue(record.path("specificNeeds").path("notes").asString().contains("UNACCOMPANIED_OR_SEPARATED_CHILD"));
        assertFalse(record.has("claim") && !record.get("claim").isNull(), "nothing but the referred categories");

        // Exactly once.
        assertProblem(Http.postJson(region.uri("kz", open), receiver, body.replace("KZ-CP-", "KZ-CP-AGAIN-")), 409,
                "referral_already_opened");
        var db = RegionData.app(region, "kz");
        assertEquals(1, db.queryForObject("SELECT count(*) FROM referral_record WHERE referral_id = ?::uuid", Integer.class,
                id));
        assertEquals("CONSENT:GUARDIAN:ps:false:form-7781", db.queryForObject("SELECT basis || ':' || (consent->>'givenBy')"
                + " || ':' || (consent->>'informedInLanguage') || ':' || (consent->>'interpreterPresent') || ':' ||"
                + " (consent->>'evidenceRef') FROM referral_record WHERE referral_id = ?::uuid", String.class, id));
        // Envers keeps the creation with who and why; the access log has the opening and the record's creation.
        assertEquals("record opened from referral " + id + ":KZ-CHILD-PROTECTION", db.queryForObject("SELECT r.reason || ':'"
                + " || r.agency FROM subject_record_aud a JOIN audit_revision r ON r.id = a.rev WHERE a.id = ?::uuid"
                + " AND a.revtype = 0", String.class, recordId));
        List<String> log = db.queryForList("SELECT action || ':' || coalesce(reason_codes, '') FROM access_log"
                + " WHERE record_id IN (?::uuid, ?::uuid) AND agency = 'KZ-CHILD-PROTECTION' ORDER BY id", String.class, id,
                recordId);
        assertTrue(log.contains("REFERRAL_RECORD_REFUSED:referral_not_accepted"), log::toString);
        assertTrue(log.contains("RECORD_CREATED:"), log::toString);
        assertTrue(log.contains("REFERRAL_RECORD_OPENED:basis_consent"), log::toString);
        assertTrue(log.contains("REFERRAL_RECORD_REFUSED:referral_already_opened"), log::toString);
    }

    @Test
    @DisplayName("a record opened from a referred record: the referred case status is kept when none is given, the transliteration carried, the claim not")
    void recordFromReferredRecord() {
        String id = recordReferralToUnhcr("Рахимова", "Зарина", "Rakhimova", "Zarina");
        String receiver = region.token("UNHCR-KZ", "registrar");
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acknowledgement"), receiver, "{}"));
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acceptance"), receiver, "{}"));
        String ref = "UNHCR-KZ-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode opened = created(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/record"), receiver,
                "{ \"holderRecordRef\": \"" + ref + "\" }"));
        JsonNode record = ok(Http.get(region.uri("kz", "/api/v1/records/" + opened.path("recordId").asString()), receiver));
        assertEquals("Рахимова", record.path("identity").path("familyName").asString());
        assertEquals("Rakhimova", record.path("identity").path("latinFamilyName").asString());
        assertEquals("ASYLUM_SEEKER", record.path("caseStatus").path("status").asString());
        assertFalse(record.has("claim") && !record.get("claim").isNull(), record::toString);
        assertFalse(record.has("family") && !record.get("family").isNull(), record::toString);

        // A second referral of her, opened under a reference the agency already holds: 409 conflict,
        // and nothing of the attempt stays (no record, no opening); under a new reference it opens.
        String second = recordReferralToUnhcr("Рахимова", "Зарина", "Rakhimova", "Zarina");
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + second + "/acknowledgement"), receiver, "{}"));
        ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + second + "/acceptance"), receiver, "{}"));
        var db = RegionData.app(region, "kz");
        int records = db.queryForObject("SELECT count(*) FROM subject_record", Integer.class);
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + second + "/record"), receiver,
                "{ \"holderRecordRef\": \"" + ref + "\" }"), 409, "conflict");
        assertEquals(records, db.queryForObject("SELECT count(*) FROM subject_record", Integer.class));
        assertEquals(0, db.queryForObject("SELECT count(*) FROM referral_record WHERE referral_id = ?::uuid",
                Integer.class, second));
        created(Http.postJson(region.uri("kz", "/api/v1/referrals/" + second + "/record"), receiver,
                "{ \"holderRecordRef\": \"" + ref + "-2\" }"));
    }

    /** A KZ-MIGRATION record with these names, referred with consent to UNHCR-KZ (IDENTITY, CASE_STATUS). */
    private static String recordReferralToUnhcr(String family, String given, String latinFamily, String latinGiven) {
        var registered = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "KZ-SLIP-%s",
                  "identity": { "familyName": "%s", "givenNames": "%s", "latinFamilyName": "%s", "latinGivenNames": "%s",
                                "sex": "F", "dateOfBirth": "1991-05-04", "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Threatened for teaching girls.", "grounds": ["POLITICAL_OPINION"] },
                  "family": [ { "relation": "CHILD", "familyName": "%s", "givenNames": "Omid" } ] }"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), family, given, latinFamily, latinGiven, family));
        String recordId = created(registered).path("id").asString();
        return created(Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token("KZ-MIGRATION", "registrar"), """
                { "recordId": "%s", "toAgency": "UNHCR-KZ", "type": "UNHCR", "categories": ["IDENTITY", "CASE_STATUS"],
                  "consent": %s }""".formatted(recordId, CONSENT))).path("id").asString();
    }

    /** A 15-year-old boy alone, screened at KZ-BORDER and referred to child protection. */
    private static String childReferral(String consent, String bestInterest) {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"givenNames\": \"Ali\", \"dateOfBirth\": \"2011-03-01\", \"nationalities\": [\"AF\"],"
                        + " \"accompaniment\": \"ALONE\"",
                "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"ARMED_CONFLICT\"]",
                "\"UNACCOMPANIED_OR_SEPARATED_CHILD\"")));
        return created(Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token("KZ-BORDER", "screener"), """
                { "screeningId": "%s", "toAgency": "KZ-CHILD-PROTECTION", "type": "CHILD_PROTECTION",
                  "categories": ["IDENTITY", "SPECIFIC_NEEDS"], "consent": %s, "bestInterestReason": %s }"""
                .formatted(screening, consent, bestInterest))).path("id").asString();
    }

    private static String slip(String id, String lang, String token) {
        String text = PdfText.of(Http.getBytes(region.uri("kz", "/api/v1/referrals/" + id + "/slip?lang=" + lang), token));
        return Normalizer.normalize(text.replaceAll("\\s+", " "), Normalizer.Form.NFKC);
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }
}
