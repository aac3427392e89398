package org.regionalexchange.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Data made through the API of a test region, for the audit and liaison tests: records and
 * consents of KZ-MIGRATION on node kz, exchanges asked by KG-SMS, and the owner's and the
 * application's connections to a node's database.
 */
public final class RegionData {

    public static final String JUSTIFICATION = "Applicant states she was registered in Almaty in 2025; we must establish"
            + " her status before deciding her claim under our case %s.";

    /**
     * {@link #JUSTIFICATION} made individual: a text that differs only in its case reference is the same
     * justification to the reuse rule, so each case's text also names a fact of its own (a word spelled
     * from the case reference).
     */
    public static String justification(String caseRef) {
        return JUSTIFICATION.formatted(caseRef) + " Her interview notes name the village " + word(caseRef) + ".";
    }

    /** A word of letters only, one per text: digits become letters, anything else is dropped. */
    public static String word(String text) {
        StringBuilder word = new StringBuilder();
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9') {
                word.append((char) ('a' + (c - '0')));
            } else if (c >= 'a' && c <= 'z') {
                word.append(c);
            }
        }
        return word.toString();
    }

    private RegionData() {
    }

    /** Registers an Afghan asylum seeker at KZ-MIGRATION; returns its record id. */
    public static UUID register(TestRegion region, String ref, String family) {
        String body = """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "%s", "givenNames": "Zahra", "sex": "F", "dateOfBirth": "1991-05-04",
                                "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Threatened for teaching girls.", "grounds": ["POLITICAL_OPINION"],
                             "countriesOfFear": ["AF"] },
                  "family": [ { "relation": "CHILD", "familyName": "%s", "givenNames": "Omid", "dateOfBirth": "2015" } ],
                  "contact": { "address": "Almaty, sample street 7", "phone": "+7 700 000 0007" } }"""
                .formatted(ref, family, family);
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), body);
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(Problems.json(created.body()).path("id").asString());
    }

    /** Records a consent on a KZ-MIGRATION record; returns its id. */
    public static UUID consent(TestRegion region, UUID recordId, String recipient, String purpose, String categories,
            String validFrom, String validUntil) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records/" + recordId + "/consents"),
                region.token("KZ-MIGRATION", "registrar"), """
                { "recipients": [ %s ], "purposes": ["%s"], "categories": [ %s ],
                  "validFrom": "%s", "validUntil": "%s", "givenBy": "SUBJECT",
                  "informedInLanguage": "prs", "interpreterPresent": true }"""
                        .formatted(recipient, purpose, categories, validFrom, validUntil));
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(Problems.json(created.body()).path("id").asString());
    }

    /** KG-SMS asks KZ-MIGRATION about record {@code ref}; returns the HTTP answer. */
    public static java.net.http.HttpResponse<String> askFromKg(TestRegion region, String ref, String caseRef,
            String categories) {
        return Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ %s ], "urgency": "ROUTINE" }""".formatted(ref, caseRef, justification(caseRef),
                categories));
    }

    /** The node's database as the application's restricted role. */
    public static JdbcTemplate app(TestRegion region, String node) {
        return new JdbcTemplate(region.start(node).getBean(DataSource.class));
    }

    /** The node's database as the owner ({@code postgres}), as a DBA would connect. */
    public static JdbcTemplate owner(TestRegion region, String node) {
        return new JdbcTemplate(region.start(node).getBean(EmbeddedPostgres.class).getPostgresDatabase());
    }

    public static JsonNode getJson(TestRegion region, String node, String path, String token) {
        var response = Http.get(region.uri(node, path), token);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return Problems.json(response.body());
    }
}
