package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * docs/design.md §11 on real nodes: a screener of KZ-BORDER refers a person screened at node kz;
 * the referral rules of the policy module decide; the receiving agency of the same node sees only
 * the referred categories and moves the referral through its lifecycle; every step is logged.
 */
class ReferralIT {

    private static final String CONSENT = """
            { "givenBy": "SUBJECT", "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "slip-0042" }""";

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("a 15-year-old alone is referred to child protection without consent in his best interest; the receiver moves it SENT, RECEIVED, ACCEPTED, COMPLETED")
    void childBestInterestLifecycle() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", child()));
        JsonNode sent = created(refer("KZ-BORDER", screening, "KZ-CHILD-PROTECTION", "CHILD_PROTECTION",
                "[\"IDENTITY\", \"SPECIFIC_NEEDS\"]", "null",
                "\"Boy of 15 travelling alone; no guardian can be reached tonight.\""));
        String id = sent.path("id").asString();
        assertEquals("SENT", sent.path("status").asString());
        assertEquals("URGENT", sent.path("priority").asString());
        assertEquals("CHILD_BEST_INTEREST", sent.path("basis").asString());

        String receiver = region.token("KZ-CHILD-PROTECTION", "registrar");
        JsonNode inbox = ok(Http.get(region.uri("kz", "/api/v1/referrals?direction=incoming&status=SENT"), receiver));
        assertTrue(ids(inbox).contains(id), inbox::toString);
        JsonNode seen = ok(Http.get(region.uri("kz", "/api/v1/referrals/" + id), receiver));
        assertEquals("Ali", seen.path("data").path("identity").path("givenNames").asString());
        assertEquals("UNACCOMPANIED_OR_SEPARATED_CHILD", seen.path("data").path("specificNeeds").get(0).asString());
        assertFalse(seen.path("data").has("screening"), "SCREENING was not referred: " + seen);
        assertFalse(seen.has("screeningId"), "the sender's screening id stays with the sender");
        assertEquals("Boy of 15 travelling alone; no guardian can be reached tonight.",
                seen.path("bestInterestReason").asString());

        assertEquals("RECEIVED", step(id, "acknowledgement", receiver, "{}").path("status").asString());
        assertEquals("ACCEPTED", step(id, "acceptance", receiver, "{}").path("status").asString());
        JsonNode completed = step(id, "completion", receiver, "{ \"successful\": true }");
        assertEquals("COMPLETED", completed.path("status").asString());
        List<String> history = new ArrayList<>();
        completed.path("history").forEach(h -> history.add(h.path("status").asString() + "@" + h.path("agency").asString()));
        assertEquals(List.of("SENT@KZ-BORDER", "RECEIVED@KZ-CHILD-PROTECTION", "ACCEPTED@KZ-CHILD-PROTECTION",
                "COMPLETED@KZ-CHILD-PROTECTION"), history);
        // Closed: the sender can no longer revoke it, nor the receiver step back.
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/revocation"),
                region.token("KZ-BORDER", "screener"), "{ \"reason\": \"too late\" }"), 409, "conflict");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acceptance"), receiver, "{}"), 409,
                "conflict");
        JsonNode outgoing = ok(Http.get(region.uri("kz", "/api/v1/referrals?direction=outgoing"),
                region.token("KZ-BORDER", "screener")));
        assertTrue(ids(outgoing).contains(id));
        List<String> log = RegionData.app(region, "kz").queryForList("SELECT action || ':' || agency || ':' ||"
                + " coalesce(reason_codes, '') FROM access_log WHERE record_id = ?::uuid ORDER BY id", String.class, id);
        assertEquals("REFERRAL_SENT:KZ-BORDER:basis_child_best_interest", log.get(0), log::toString);
        assertTrue(log.contains("REFERRAL_STATUS_CHANGED:KZ-CHILD-PROTECTION:completed"), log::toString);
        assertTrue(log.contains("REFERRAL_READ:KZ-CHILD-PROTECTION:receiver"), log::toString);
    }

    @Test
    @DisplayName("the receiver declines with a reason; the sender revokes an open referral and the receiver then sees nothing of the person")
    void declineAndRevoke() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Sharifi")));
        String receiver = region.token("KZ-MIGRATION", "registrar");
        String declined = created(refer("KZ-BORDER", screening, "KZ-MIGRATION", "ASYLUM_PROCEDURE",
                "[\"IDENTITY\", \"SCREENING\"]", CONSENT, "null")).path("id").asString();
        step(declined, "acknowledgement", receiver, "{}");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + declined + "/decline"), receiver, "{}"), 400,
                "invalid_value");
        JsonNode done = step(declined, "decline", receiver, "{ \"reason\": \"Already registered with us.\" }");
        assertEquals("DECLINED", done.path("status").asString());
        assertEquals("PERSECUTION", done.path("data").path("screening").path("answers").path("reasonsForLeaving").get(0)
                .asString(), "SCREENING referred: the answers travel");

        String revoked = created(refer("KZ-BORDER", screening, "KZ-MIGRATION", "ASYLUM_PROCEDURE",
                "[\"IDENTITY\"]", CONSENT, "null")).path("id").asString();
        // Only the sender revokes; only the receiver acknowledges.
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + revoked + "/revocation"), receiver,
                "{ \"reason\": \"not mine\" }"), 404, "not_found");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + revoked + "/acknowledgement"),
                region.token("KZ-BORDER", "screener"), "{}"), 404, "not_found");
        assertEquals("REVOKED", step(revoked, "revocation", region.token("KZ-BORDER", "screener"),
                "{ \"reason\": \"The person withdrew consent.\" }").path("status").asString());
        JsonNode seen = ok(Http.get(region.uri("kz", "/api/v1/referrals/" + revoked), receiver));
        assertFalse(seen.has("data"), "a revoked referral shows the receiver nothing of the person: " + seen);
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals/" + revoked + "/acknowledgement"), receiver, "{}"),
                409, "conflict");
        // An agency that neither sent nor received it does not see it.
        assertProblem(Http.get(region.uri("kz", "/api/v1/referrals/" + revoked), region.token("UNHCR-KZ", "registrar")),
                404, "not_found");
    }

    @Test
    @DisplayName("an Afghan who named Tajikistan as a country of fear is never referred to a Tajik agency, consent or not")
    void neverToCountryOfFear() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"familyName\": \"Rasuli\", \"dateOfBirth\": \"1985\", \"nationalities\": [\"AF\"]",
                "\"reasonsForLeaving\": [\"PERSECUTION\"], \"problemsOnReturn\": true, \"countriesFeared\": [\"TJ\"]", "")));
        int before = count();
        JsonNode problem = assertProblem(refer("KZ-BORDER", screening, "TJ-MIA", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]",
                CONSENT, "null"), 422, "referral_refused");
        assertEquals(List.of("receiver_country_of_origin"), reasons(problem));
        assertEquals(before, count());
        assertEquals(1, RegionData.app(region, "kz").queryForObject("SELECT count(*) FROM access_log WHERE record_id = ?"
                + " AND action = 'REFERRAL_REFUSED' AND reason_codes = 'receiver_country_of_origin'", Integer.class,
                screening));
    }

    @Test
    @DisplayName("refused with every reason: no consent for an adult, confidential data in a best-interest referral, a receiver without the function")
    void refusals() {
        UUID adult = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Nabizada")));
        UUID child = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", child()));
        int before = count();
        assertEquals(List.of("consent_required"), reasons(assertProblem(refer("KZ-BORDER", adult, "KZ-MIGRATION",
                "ASYLUM_PROCEDURE", "[\"IDENTITY\"]", "null", "null"), 422, "referral_refused")));
        JsonNode confidential = assertProblem(refer("KZ-BORDER", child, "KZ-CHILD-PROTECTION", "CHILD_PROTECTION",
                "[\"IDENTITY\", \"SCREENING\"]", "null", "\"Alone at night.\""), 422, "referral_refused");
        assertEquals(List.of("confidential_category_needs_consent"), reasons(confidential));
        assertTrue(confidential.toString().contains("SCREENING: confidential_category_needs_consent"), confidential::toString);
        assertTrue(reasons(assertProblem(refer("KZ-BORDER", adult, "KZ-CARE", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]",
                CONSENT, "null"), 422, "referral_refused")).contains("receiver_lacks_function"));
        // Another agency's screening is not found (referrals to another node: CrossNodeReferralIT).
        assertProblem(refer("KZ-MIGRATION", adult, "KZ-MIGRATION", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]", CONSENT, "null"),
                404, "not_found");
        assertEquals(before, count());
    }

    @Test
    @DisplayName("a registrar refers a person from a record with consent; the receiver sees only the referred categories of it")
    void fromRecord() {
        UUID record = RegionData.register(region, "KZ-REF-" + UUID.randomUUID().toString().substring(0, 8), "Referova");
        HttpResponse<String> response = Http.postJson(region.uri("kz", "/api/v1/referrals"),
                region.token("KZ-MIGRATION", "registrar"), """
                        { "recordId": "%s", "toAgency": "UNHCR-KZ", "type": "UNHCR", "categories": ["IDENTITY", "CASE_STATUS"],
                          "consent": %s }""".formatted(record, CONSENT));
        String id = created(response).path("id").asString();
        JsonNode seen = ok(Http.get(region.uri("kz", "/api/v1/referrals/" + id), region.token("UNHCR-KZ", "registrar")));
        assertEquals("Referova", seen.path("data").path("identity").path("familyName").asString(), seen::toString);
        assertTrue(seen.path("data").has("caseStatus"), seen::toString);
        assertFalse(seen.path("data").has("claim"), "CLAIM was not referred: " + seen);
        // A referral is a disclosure in the DPO's report, with its recipient, categories and basis.
        JsonNode report = ok(Http.get(region.uri("kz", "/api/v1/audit/records/" + record + "/disclosures"),
                region.token("KZ-MIGRATION", "dpo")));
        JsonNode disclosure = null;
        for (JsonNode d : report.path("disclosures")) {
            if (id.equals(d.path("referralId").asString())) {
                disclosure = d;
            }
        }
        assertTrue(disclosure != null, report::toString);
        assertEquals("UNHCR-KZ", disclosure.path("recipientAgency").asString());
        assertEquals("kz", disclosure.path("recipientNode").asString());
        assertEquals("CONSENT", disclosure.path("basis").asString());
        assertEquals("[\"IDENTITY\",\"CASE_STATUS\"]", disclosure.path("categories").toString());
        // A record of another agency is not found.
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token("KZ-BORDER", "registrar"), """
                { "recordId": "%s", "toAgency": "UNHCR-KZ", "type": "UNHCR", "categories": ["IDENTITY"], "consent": %s }"""
                .formatted(record, CONSENT)), 404, "not_found");
    }

    @Test
    @DisplayName("an URGENT referral not acknowledged within 4 hours raises an alert for the sending agency; an acknowledged one does not")
    void urgentNotAcknowledgedAlert() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-CARE", child()));
        String waiting = created(refer("KZ-CARE", screening, "KZ-CHILD-PROTECTION", "CHILD_PROTECTION",
                "[\"IDENTITY\"]", "null", "\"Alone.\"")).path("id").asString();
        String acknowledged = created(refer("KZ-CARE", screening, "KZ-CHILD-PROTECTION", "CHILD_PROTECTION",
                "[\"IDENTITY\"]", "null", "\"Alone.\"")).path("id").asString();
        step(acknowledged, "acknowledgement", region.token("KZ-CHILD-PROTECTION", "registrar"), "{}");
        String dpo = region.token("KZ-MIGRATION", "dpo");
        assertTrue(alertsOf(dpo, "KZ-CARE").isEmpty(), "not yet overdue");
        // Five hours pass (the table's clock column is moved back by the schema owner).
        RegionData.owner(region, "kz").update("UPDATE referral SET created_at = created_at - interval '5 hours'"
                + " WHERE id IN (?::uuid, ?::uuid)", waiting, acknowledged);
        List<JsonNode> alerts = alertsOf(dpo, "KZ-CARE");
        assertEquals(1, alerts.size(), alerts::toString);
        assertEquals(1, alerts.get(0).path("count").asLong(), "only the referral still SENT: " + alerts);
        assertEquals(240, alerts.get(0).path("threshold").asInt());
    }

    private static List<JsonNode> alertsOf(String dpo, String agency) {
        List<JsonNode> found = new ArrayList<>();
        RegionData.getJson(region, "kz", "/api/v1/audit/alerts", dpo).path("alerts").forEach(alert -> {
            if (alert.path("type").asString().equals("URGENT_REFERRAL_NOT_ACKNOWLEDGED")
                    && alert.path("agency").asString().equals(agency)) {
                found.add(alert);
            }
        });
        return found;
    }

    private static String child() {
        return ScreeningData.interview("\"givenNames\": \"Ali\", \"dateOfBirth\": \"2011-03-01\","
                + " \"nationalities\": [\"AF\"], \"accompaniment\": \"ALONE\"",
                "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"ARMED_CONFLICT\"]", "\"UNACCOMPANIED_OR_SEPARATED_CHILD\"");
    }

    private static HttpResponse<String> refer(String agency, UUID screening, String to, String type, String categories,
            String consent, String bestInterest) {
        return Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token(agency, "screener"), """
                { "screeningId": "%s", "recordId": null, "toAgency": "%s", "type": "%s", "categories": %s,
                  "consent": %s, "bestInterestReason": %s, "note": "Says his uncle is in Almaty." }"""
                .formatted(screening, to, type, categories, consent, bestInterest));
    }

    private static JsonNode step(String id, String step, String token, String body) {
        return ok(Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/" + step), token, body));
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("referrals").forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    private static List<String> reasons(JsonNode problem) {
        List<String> codes = new ArrayList<>();
        problem.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    private static int count() {
        return RegionData.app(region, "kz").queryForObject("SELECT count(*) FROM referral", Integer.class);
    }
}
