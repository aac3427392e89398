package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange between three real nodes over real HTTP, each on its own PostgreSQL. Each test: an
 * officer of one state asks another state's agency about one person; result: exactly what the
 * rules allow, signed by the holder, verifiable as evidence.
 */
class ExchangeIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String JUSTIFICATION = "Applicant states he lodged a claim in Almaty in January 2026; we must "
            + "establish the outcome before deciding his claim under our case %s.";

    private static TestRegion region;
    private static String kzRegistrar;
    private static String kgOfficer;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        kzRegistrar = region.token("KZ-MIGRATION", "registrar");
        kgOfficer = region.token("KG-SMS", "officer");
    }

    @Test
    @DisplayName("KG asks KZ about an Afghan asylum seeker whose consent covers KG; result: RELEASED with the claim, signed")
    void consentCoveringKgReleasesTheClaim() {
        String ref = register(afghan("REL", "Rahimi", "Ahmad", "1994-03-02"));
        consent(ref, "{ \"country\": \"KG\" }", "RSD_CASE_PROCESSING", "\"CLAIM\", \"FAMILY\"");
        JsonNode outcome = ask(kgOfficer, "KZ-MIGRATION", ref, "KG-SMS-2026-0456", "RSD_CASE_PROCESSING",
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"");
        assertEquals("RELEASED", outcome.path("outcome").asString(), outcome.toString());
        assertEquals("Fears the authorities after refusing to inform on colleagues.",
                outcome.path("released").path("CLAIM").path("summary").asString());
        assertEquals("Rahimi", outcome.path("released").path("IDENTITY").path("familyName").asString());
        assertEquals("RSD_CASE_PROCESSING", outcome.path("handling").path("permittedUse").asString());
        assertEquals("NO_ONWARD_TRANSFER", outcome.path("handling").path("code").asString());
        assertFalse(outcome.path("released").has("FAMILY"), "only the requested categories");
        assertEquals("kz", outcome.path("evidence").path("holderNode").asString());
        // The evidence verifies with the registry alone.
        var jws = EnvelopeVerifier.verifySignatureOnly(outcome.path("evidence").path("responseJws").asString(),
                new org.regionalexchange.gateway.signing.TrustedKeys(
                        region.start("kg").getBean(org.regionalexchange.gateway.directory.ParticipantRegistry.class)));
        assertEquals("RELEASED", jws.payload().path("outcome").asString());
        JdbcTemplate kg = new JdbcTemplate(region.start("kg").getBean(DataSource.class));
        assertTrue(kg.queryForObject("select count(*) from access_log where action = 'RESPONSE_RECEIVED'"
                + " and agency = 'KG-SMS' and outcome = 'RELEASED'", Integer.class) >= 1, "the requester logged the receipt");
        // And the officer reads the same outcome again.
        var again = Http.get(region.uri("kg", "/api/v1/requests/" + outcome.path("requestId").asString()), kgOfficer);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(outcome, Problems.json(again.body()));
    }

    @Test
    @DisplayName("KG asks KZ about an asylum seeker without a consent; result: PARTIALLY_RELEASED, CLAIM withheld consent_required")
    void withoutConsentTheClaimIsWithheld() {
        String ref = register(afghan("PAR", "Karimi", "Hamid", "1990-11-20"));
        JsonNode outcome = ask(kgOfficer, "KZ-MIGRATION", ref, "KG-SMS-2026-0457", "RSD_CASE_PROCESSING",
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"");
        assertEquals("PARTIALLY_RELEASED", outcome.path("outcome").asString(), outcome.toString());
        assertEquals("CLAIM", outcome.path("withheld").get(0).path("category").asString());
        assertEquals("consent_required", outcome.path("withheld").get(0).path("code").asString());
        assertFalse(outcome.path("released").has("CLAIM"));
        assertTrue(outcome.path("released").has("CASE_STATUS"));
    }

    @Test
    @DisplayName("TJ asks about a Tajik national held by KZ; result: NOT_AVAILABLE, the same answer as for a person not on record")
    void countryOfOriginGetsTheNotOnRecordAnswer() {
        String ref = register("""
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Yokubov", "givenNames": "Ilhom", "dateOfBirth": "1988-07", "nationalities": ["TJ"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-02-03" },
                  "claim": { "summary": "Sought for membership of an opposition party.", "countriesOfFear": ["TJ"] } }"""
                .formatted("KZ-" + RUN + "-TJN"));
        String tjOfficer = region.token("TJ-MIA", "officer");
        JsonNode origin = ask(tjOfficer, "KZ-MIGRATION", ref, "TJ-MIA-2026-0100", "DOCUMENT_VERIFICATION",
                "\"IDENTITY\", \"CASE_STATUS\"");
        JsonNode nobody = ask(tjOfficer, "KZ-MIGRATION", "KZ-" + RUN + "-NOBODY", "TJ-MIA-2026-0101",
                "DOCUMENT_VERIFICATION", "\"IDENTITY\", \"CASE_STATUS\"");
        assertEquals("NOT_AVAILABLE", origin.path("outcome").asString(), origin.toString());
        assertEquals(fieldNames(nobody), fieldNames(origin));
        assertEquals(Set.of("requestId", "outcome", "evidence"), fieldNames(origin));
        JsonNode originSigned = CompactJws.parse(origin.path("evidence").path("responseJws").asString()).payload();
        JsonNode nobodySigned = CompactJws.parse(nobody.path("evidence").path("responseJws").asString()).payload();
        assertEquals(fieldNames(nobodySigned), fieldNames(originSigned));
        for (String field : new String[] {"outcome", "iss", "aud"}) {
            assertEquals(nobodySigned.get(field), originSigned.get(field), field);
        }
        assertNotEquals(originSigned.get("requestDigest"), nobodySigned.get("requestDigest"));
        // The true reasons stay in the holder's access log.
        JdbcTemplate kz = new JdbcTemplate(region.start("kz").getBean(DataSource.class));
        UUID recordId = region.start("kz").getBean(org.regionalexchange.gateway.records.SubjectRecords.class)
                .findByHolderRef("KZ-MIGRATION", ref).orElseThrow();
        assertEquals("country_of_origin_on_record", kz.queryForObject("""
                select reason_codes from access_log where action = 'REQUEST_DECIDED' and record_id = ?
                order by id desc limit 1""", String.class, recordId));
        assertEquals("NOT_AVAILABLE", kz.queryForObject("""
                select outcome from access_log where action = 'REQUEST_DECIDED' and record_id = ?
                order by id desc limit 1""", String.class, recordId));
        assertTrue(kz.queryForObject("""
                select count(*) from access_log where action = 'REQUEST_DECIDED' and agency = 'TJ-MIA'
                and reason_codes = 'no_match'""", Integer.class) >= 1);
    }

    @Test
    @DisplayName("KG asks about a child; result: PENDING_REVIEW, a KZ reviewer approves, the officer then gets RELEASED")
    void childGoesToReviewThenIsReleased() {
        String ref = register(afghan("CHD", "Hakimi", "Sohrab", "2014-05-01"));
        consent(ref, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"");
        JsonNode pending = ask(kgOfficer, "KZ-MIGRATION", ref, "KG-SMS-2026-0458", "RSD_CASE_PROCESSING",
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"");
        assertEquals("PENDING_REVIEW", pending.path("outcome").asString(), pending.toString());
        assertFalse(pending.has("released"));
        String requestId = pending.path("requestId").asString();

        String reviewer = region.token("KZ-MIGRATION", "reviewer");
        var queue = Problems.json(Http.get(region.uri("kz", "/api/v1/reviews"), reviewer).body());
        JsonNode item = null;
        for (JsonNode candidate : queue.path("reviews")) {
            if (candidate.path("requestId").asString().equals(requestId)) {
                item = candidate;
            }
        }
        assertTrue(item != null, "the request waits for review: " + queue);
        assertTrue(item.path("reviewReasons").toString().contains("review_child_subject"), item.toString());
        assertEquals(0, Problems.json(Http.get(region.uri("kz", "/api/v1/reviews"),
                region.token("KZ-BORDER", "reviewer")).body()).path("reviews").size(), "another agency's reviewers see nothing");

        var decided = Http.postJson(region.uri("kz", "/api/v1/reviews/" + requestId), reviewer,
                "{ \"decision\": \"APPROVE\", \"note\": \"Child protection unit consulted; in the child's best interest.\" }");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("RELEASED", Problems.json(decided.body()).path("outcome").asString());
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/reviews/" + requestId), reviewer,
                "{ \"decision\": \"REJECT\", \"note\": \"second thoughts\" }"), 409, "conflict");

        var collected = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), kgOfficer);
        JsonNode outcome = Problems.json(collected.body());
        assertEquals("RELEASED", outcome.path("outcome").asString(), collected.body());
        assertTrue(outcome.path("released").path("CLAIM").has("summary"));
    }

    @Test
    @DisplayName("UNHCR's office on node kz asks KZ-MIGRATION; result: REFUSED for want of an agreement — it acts for UNHCR, not for Kazakhstan")
    void anOrganizationsOfficeActsForTheOrganization() {
        String ref = register(afghan("ORG", "Amiri", "Javid", "1991-08-14"));
        consent(ref, "{ \"country\": \"KZ\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"");
        String unhcrOfficer = region.token("UNHCR-KZ", "officer");
        var response = Http.postJson(region.uri("kz", "/api/v1/requests"), unhcrOfficer, request("KZ-MIGRATION", ref,
                "UNHCR-KZ-2026-0012", "RSD_CASE_PROCESSING", "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"",
                justification("UNHCR-KZ-2026-0012")));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode outcome = Problems.json(response.body());
        assertEquals("REFUSED", outcome.path("outcome").asString(), outcome.toString());
        // No agreement between Kazakhstan and UNHCR covers this purpose (other tests may have added one
        // for another purpose): refused for want of an agreement, as a request of UNHCR.
        String reasons = outcome.path("reasons").toString();
        assertTrue(reasons.contains("\"no_agreement\"") || reasons.contains("\"agreement_purpose_not_covered\""),
                outcome.toString());
        assertFalse(outcome.has("released"), "a consent naming Kazakhstan does not cover UNHCR");
    }

    @Test
    @DisplayName("KG reuses one justification for another person; result: 422 justification_reused before sending")
    void reusedJustificationIsRefused() {
        String first = register(afghan("RU1", "Haidari", "Reza", "1989-02-02"));
        String second = register(afghan("RU2", "Mohseni", "Ali", "1987-09-19"));
        String justification = "Our case KG-SMS-2026-0901 concerns a family that names this person as a relative who"
                + " applied for asylum in Kazakhstan in 2025; we need the outcome. " + RUN;
        var asked = Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer, request("KZ-MIGRATION", first,
                "KG-SMS-2026-0901", "RSD_CASE_PROCESSING", "\"IDENTITY\", \"CASE_STATUS\"", justification));
        assertEquals(200, asked.statusCode(), asked.body());
        var again = Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer, request("KZ-MIGRATION", first,
                "KG-SMS-2026-0901", "RSD_CASE_PROCESSING", "\"IDENTITY\", \"CASE_STATUS\"", justification));
        assertEquals(200, again.statusCode(), "the same person again is no reuse: " + again.body());
        // Both ledgers answer the rule's question with at most one use, by another subject.
        JdbcTemplate kz = new JdbcTemplate(region.start("kz").getBean(DataSource.class));
        var row = kz.queryForMap("select justification_fingerprint, justification_normalized_fingerprint, subject_key"
                + " from exchange_received where request_id = ?",
                UUID.fromString(Problems.json(again.body()).path("requestId").asString()));
        var fingerprint = new JustificationUses.Fingerprints((String) row.get("justification_fingerprint"),
                (String) row.get("justification_normalized_fingerprint"));
        assertEquals(JustificationUses.Fingerprints.of(justification), fingerprint, "both fingerprints are kept");
        String subject = (String) row.get("subject_key");
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        ReceivedLedger received = region.start("kz").getBean(ReceivedLedger.class);
        RequestLedger sent = region.start("kg").getBean(RequestLedger.class);
        var sameSubject = received.recentJustificationsWithAgreements("KG-SMS", fingerprint, subject, since);
        assertEquals(List.of(), sameSubject.uses());
        assertEquals(kz.queryForObject("select revision from agreement_revision", Long.class),
                sameSubject.agreementsRevision(), "the agreements' revision, read in the same statement");
        assertEquals(List.of(), sent.recentJustifications("KG-SMS", fingerprint, subject, since));
        for (String other : List.of(subject.substring(0, subject.length() - 1), subject + "0")) {
            assertEquals(List.of(subject), received.recentJustificationsWithAgreements("KG-SMS", fingerprint, other, since)
                    .uses().stream()
                    .map(org.regionalexchange.policy.model.RecentJustification::subjectKey).toList());
            assertEquals(List.of(subject), sent.recentJustifications("KG-SMS", fingerprint, other, since).stream()
                    .map(org.regionalexchange.policy.model.RecentJustification::subjectKey).toList());
        }
        JsonNode problem = assertProblem(Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer,
                request("KZ-MIGRATION", second, "KG-SMS-2026-0901", "RSD_CASE_PROCESSING",
                        "\"IDENTITY\", \"CASE_STATUS\"", justification)), 422, "justification_insufficient");
        assertTrue(problem.path("reasons").toString().contains("justification_reused"), problem.toString());
    }

    @Test
    @DisplayName("a boilerplate justification is refused with 422 before anything leaves the requester node")
    void boilerplateIsRefusedBeforeSending() {
        JdbcTemplate kz = new JdbcTemplate(region.start("kz").getBean(DataSource.class));
        int received = kz.queryForObject("select count(*) from exchange_received", Integer.class);
        String body = request("KZ-MIGRATION", "KZ-2026-000123", "KG-SMS-2026-0459", "RSD_CASE_PROCESSING",
                "\"IDENTITY\"", "For official purposes in accordance with the law.");
        JsonNode problem = assertProblem(Http.postJson(region.uri("kg", "/api/v1/requests"), kgOfficer, body), 422,
                "justification_insufficient");
        assertTrue(Problems.fields(problem).contains("justification"), problem.toString());
        assertTrue(problem.path("reasons").size() >= 1, problem.toString());
        assertEquals(received, kz.queryForObject("select count(*) from exchange_received", Integer.class),
                "nothing reached the holder");
    }

    @Test
    @DisplayName("envelopes sent to KZ: a retry gets the same answer; tampered, replayed, misaddressed and expired ones are refused")
    void envelopesAreChecked() {
        EnvelopeSigner kg = region.start("kg").getBean(EnvelopeSigner.class);
        ObjectNode message = (ObjectNode) Problems.json("""
                { "requestId": "%s", "requesterAgency": "KG-SMS", "officer": "test.officer@kg-sms", "request": %s }"""
                .formatted(UUID.randomUUID(), request("KZ-MIGRATION", "KZ-" + RUN + "-NONE", "KG-SMS-2026-0460",
                        "RSD_CASE_PROCESSING", "\"IDENTITY\"", justification("KG-SMS-2026-0460"))));
        String envelope = kg.sign("gateway-request+jwt", "kz", message, Instant.now());
        var first = postEnvelope("kz", envelope);
        assertEquals(200, first.statusCode(), first.body());
        var retry = postEnvelope("kz", envelope);
        assertEquals(first.body(), retry.body(), "a retry gets the answer already given");

        char c = envelope.charAt(envelope.length() - 5);
        String tampered = envelope.substring(0, envelope.length() - 5) + (c == 'A' ? 'B' : 'A')
                + envelope.substring(envelope.length() - 4);
        assertProblem(postEnvelope("kz", tampered), 401, "envelope_bad_signature");
        assertProblem(postEnvelope("kz", kg.sign("gateway-request+jwt", "tj", message, Instant.now())), 401,
                "envelope_wrong_audience");
        assertProblem(postEnvelope("kz", kg.sign("gateway-request+jwt", "kz", message,
                Instant.now().minusSeconds(600))), 401, "envelope_stale");
        assertProblem(postEnvelope("kz", kg.sign("gateway-response+jwt", "kz", message, Instant.now())), 400,
                "envelope_wrong_type");
        assertProblem(postEnvelope("kz", "not.an.envelope"), 400, "envelope_malformed");
        // The same jti with other content is a replay.
        String replay = JoseEnvelopes.sameJtiOtherContent(region, envelope);
        assertProblem(postEnvelope("kz", replay), 409, "envelope_replayed");
        JdbcTemplate kz = new JdbcTemplate(region.start("kz").getBean(DataSource.class));
        for (String code : new String[] {"envelope_bad_signature", "envelope_wrong_audience", "envelope_stale",
                "envelope_wrong_type", "envelope_malformed", "envelope_replayed"}) {
            assertTrue(kz.queryForObject("select count(*) from access_log where action = 'ENVELOPE_REFUSED'"
                    + " and reason_codes = ?", Integer.class, code) >= 1, "refusal logged: " + code);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** The text of {@link #JUSTIFICATION} with a fact of the case's own: otherwise it is one text reused. */
    private static String justification(String caseRef) {
        return JUSTIFICATION.formatted(caseRef) + " He names his guarantor as " + RegionData.word(caseRef) + ".";
    }

    private static java.net.http.HttpResponse<String> postEnvelope(String node, String envelope) {
        return Http.post(region.uri(node, "/exchange/v1/requests"), null, "application/jose",
                envelope.getBytes(StandardCharsets.US_ASCII));
    }

    private static String afghan(String suffix, String family, String given, String birth) {
        return """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "%s", "givenNames": "%s", "sex": "M", "dateOfBirth": "%s",
                                "placeOfBirth": "Kunduz", "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Fears the authorities after refusing to inform on colleagues.",
                             "grounds": ["POLITICAL_OPINION"], "countriesOfFear": ["AF"] },
                  "family": [ { "relation": "SPOUSE", "familyName": "%s", "givenNames": "Mariam", "dateOfBirth": "1996" } ] }"""
                .formatted("KZ-" + RUN + "-" + suffix, family, given, birth, family);
    }

    private static String register(String record) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), kzRegistrar, record);
        assertEquals(201, created.statusCode(), created.body());
        return Problems.json(record).path("holderRecordRef").asString();
    }

    private static void consent(String ref, String recipient, String purpose, String categories) {
        var records = region.start("kz").getBean(org.regionalexchange.gateway.records.SubjectRecords.class);
        UUID id = records.findByHolderRef("KZ-MIGRATION", ref).orElseThrow();
        var created = Http.postJson(region.uri("kz", "/api/v1/records/" + id + "/consents"), kzRegistrar, """
                { "recipients": [ %s ], "purposes": ["%s"], "categories": [ %s ],
                  "validFrom": "2026-01-01", "validUntil": "2030-01-01", "givenBy": "SUBJECT",
                  "informedInLanguage": "prs", "interpreterPresent": true }""".formatted(recipient, purpose, categories));
        assertEquals(201, created.statusCode(), created.body());
    }

    private static JsonNode ask(String token, String holderAgency, String ref, String caseRef, String purpose,
            String categories) {
        var response = Http.postJson(region.uri(nodeOfToken(token), "/api/v1/requests"), token,
                request(holderAgency, ref, caseRef, purpose, categories, justification(caseRef)));
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static String nodeOfToken(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return claims.contains("\"TJ-MIA\"") ? "tj" : claims.contains("\"KG-") ? "kg" : "kz";
    }

    private static String request(String holderAgency, String ref, String caseRef, String purpose, String categories,
            String justification) {
        return """
                { "holderAgency": "%s", "subject": { "holderRecordRef": "%s" }, "purpose": "%s",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ %s ], "urgency": "ROUTINE" }""".formatted(holderAgency, ref, purpose, caseRef,
                justification, categories);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
