package org.regionalexchange.gateway.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * The UNHCR liaison at KZ reads exactly what consents in force share with UNHCR. Each test: a
 * registrar records a person and a consent; the liaison lists and views; result: only covered
 * records, only the covered categories, every view logged.
 */
class LiaisonIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static TestRegion region;
    private static String liaison;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        liaison = region.token("UNHCR-KZ", "liaison");
    }

    @Test
    @DisplayName("a consent to UNHCR for FAMILY and CONTACT; result: listed, and the view holds those two categories only; the view is logged")
    void consentedCategoriesOnly() {
        UUID id = RegionData.register(region, "KZ-" + RUN + "-LIA", "Popal");
        RegionData.consent(region, id, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL", "\"FAMILY\", \"CONTACT\"",
                "2026-01-01", "2030-01-01");
        assertEquals(Set.of("FAMILY", "CONTACT"), listed().get(id.toString()));
        JsonNode view = RegionData.getJson(region, "kz", "/api/v1/liaison/records/" + id, liaison);
        assertEquals(Set.of("FAMILY", "CONTACT"), names(view.path("categories")));
        assertEquals("Popal", view.path("categories").path("FAMILY").get(0).path("familyName").asString());
        assertFalse(view.toString().contains("Threatened for teaching"), "no CLAIM");
        assertFalse(view.toString().contains("1991-05-04"), "no IDENTITY");
        assertEquals(1, RegionData.app(region, "kz").queryForObject("""
                select count(*) from access_log where action = 'LIAISON_VIEW' and record_id = ? and agency = 'UNHCR-KZ'
                and categories = 'FAMILY,CONTACT' and counterpart_party = 'UNHCR'""", Integer.class, id));
    }

    @Test
    @DisplayName("consents to KG only, expired, and not yet in force; result: none listed, each view 404 and logged as refused")
    void uncoveredRecordsAreInvisible() {
        UUID toKg = RegionData.register(region, "KZ-" + RUN + "-LKG", "Noori");
        RegionData.consent(region, toKg, "{ \"country\": \"KG\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"", "2026-01-01",
                "2030-01-01");
        UUID expired = RegionData.register(region, "KZ-" + RUN + "-LEX", "Samadi");
        RegionData.consent(region, expired, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL", "\"FAMILY\"",
                "2024-01-01", "2025-01-01");
        UUID future = RegionData.register(region, "KZ-" + RUN + "-LFU", "Jalali");
        RegionData.consent(region, future, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL", "\"FAMILY\"",
                "2099-01-01", "2099-06-01");
        var listed = listed();
        for (UUID id : List.of(toKg, expired, future)) {
            assertFalse(listed.containsKey(id.toString()), id.toString());
            assertProblem(Http.get(region.uri("kz", "/api/v1/liaison/records/" + id), liaison), 404, "not_found");
        }
        assertEquals(1, RegionData.app(region, "kz").queryForObject("""
                select count(*) from access_log where action = 'ACCESS_REFUSED' and record_id = ? and agency = 'UNHCR-KZ'""",
                Integer.class, toKg));
    }

    @Test
    @DisplayName("the consent to UNHCR is withdrawn; result: the record disappears from the list and its view is 404 at once")
    void withdrawalHidesAtOnce() {
        UUID id = RegionData.register(region, "KZ-" + RUN + "-LWD", "Haidari");
        UUID consent = RegionData.consent(region, id, "{ \"agency\": \"UNHCR-KZ\" }", "PROTECTION_REFERRAL",
                "\"CONTACT\"", "2026-01-01", "2030-01-01");
        assertEquals(200, Http.get(region.uri("kz", "/api/v1/liaison/records/" + id), liaison).statusCode());
        var withdrawn = Http.postJson(region.uri("kz", "/api/v1/records/" + id + "/consents/" + consent + "/withdrawal"),
                region.token("KZ-MIGRATION", "registrar"), "{ \"reason\": \"The person withdrew consent in person.\" }");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertFalse(listed().containsKey(id.toString()));
        assertProblem(Http.get(region.uri("kz", "/api/v1/liaison/records/" + id), liaison), 404, "not_found");
    }

    @Test
    @DisplayName("a liaison token of an agency that is no organization's office; result: 403; UNHCR-KG's token at KZ; result: 401")
    void onlyTheOrganizationsOfficeOfThisNode() {
        assertProblem(Http.get(region.uri("kz", "/api/v1/liaison/records"), region.token("KZ-MIGRATION", "liaison")),
                403, "role_not_permitted");
        assertProblem(Http.get(region.uri("kz", "/api/v1/liaison/records"), region.token("UNHCR-KG", "liaison")),
                401, "agency_not_of_node");
    }

    @Test
    @DisplayName("a child (full, partial or unknown date of birth) with a consent to UNHCR for all but FAMILY; result: only IDENTITY and CASE_STATUS, the rest marked review_required, logged with the review's cause")
    void aChildIsShownOnlyIdentityAndStatus() {
        for (String birth : new String[] {"\"dateOfBirth\": \"2014-06-30\",", "\"dateOfBirth\": \"2009\",", ""}) {
            UUID id = registerAndConsent(birth, null);
            JsonNode view = RegionData.getJson(region, "kz", "/api/v1/liaison/records/" + id, liaison);
            assertHeldForReview(view, id, Set.of("CLAIM", "CONTACT", "SPECIFIC_NEEDS"), birth);
            assertEquals(1, RegionData.app(region, "kz").queryForObject("""
                    select count(*) from access_log where action = 'LIAISON_VIEW' and record_id = ?
                    and categories = 'IDENTITY,CASE_STATUS' and reason_codes like '%review_child_subject%'""",
                    Integer.class, id), birth);
        }
    }

    @Test
    @DisplayName("an adult whose consent to UNHCR covers SPECIFIC_NEEDS; result: only IDENTITY and CASE_STATUS, the rest marked review_required")
    void specificNeedsAreHeldForReview() {
        UUID id = registerAndConsent("\"dateOfBirth\": \"1980-01-20\",",
                "{ \"codes\": [\"TORTURE_SURVIVOR\"], \"notes\": \"Scars on both feet.\" }");
        JsonNode view = RegionData.getJson(region, "kz", "/api/v1/liaison/records/" + id, liaison);
        assertHeldForReview(view, id, Set.of("CLAIM", "CONTACT", "SPECIFIC_NEEDS"), "adult with specific needs");
        assertFalse(view.toString().contains("Scars"), view.toString());
    }

    private static void assertHeldForReview(JsonNode view, UUID id, Set<String> held, String what) {
        assertEquals(Set.of("IDENTITY", "CASE_STATUS"), names(view.path("categories")), what + ": " + view);
        Set<String> withheld = new TreeSet<>();
        view.path("withheld").forEach(w -> {
            assertEquals("review_required", w.path("code").asString(), what);
            withheld.add(w.path("category").asString());
        });
        assertEquals(held, withheld, what);
        assertFalse(view.toString().contains("Forced to carry messages"), what + ": no CLAIM");
        assertFalse(view.toString().contains("+7 700"), what + ": no CONTACT");
        JsonNode listing = null;
        for (JsonNode r : RegionData.getJson(region, "kz", "/api/v1/liaison/records", liaison).path("records")) {
            if (r.path("id").asString().equals(id.toString())) {
                listing = r;
            }
        }
        assertTrue(listing != null, what);
        Set<String> listed = new TreeSet<>();
        listing.path("categories").forEach(c -> listed.add(c.asString()));
        assertEquals(Set.of("CASE_STATUS", "IDENTITY"), listed, what + ": " + listing);
    }

    /** A record of KZ-MIGRATION with a consent to UNHCR for every category but FAMILY. */
    private static UUID registerAndConsent(String birth, String specificNeeds) {
        String ref = "KZ-" + RUN + "-LC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Yusufi", "givenNames": "Bashir", "sex": "M", %s "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-02-01" },
                  "claim": { "summary": "Forced to carry messages for an armed group.", "countriesOfFear": ["AF"] },
                  "contact": { "address": "Almaty, sample street 9", "phone": "+7 700 000 0009" }%s }"""
                .formatted(ref, birth, specificNeeds == null ? "" : ", \"specificNeeds\": " + specificNeeds));
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(org.regionalexchange.gateway.testing.Problems.json(created.body()).path("id").asString());
        RegionData.consent(region, id, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL",
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\", \"CONTACT\", \"SPECIFIC_NEEDS\"", "2026-01-01",
                "2030-01-01");
        return id;
    }

    private static java.util.Map<String, Set<String>> listed() {
        JsonNode list = RegionData.getJson(region, "kz", "/api/v1/liaison/records", liaison).path("records");
        java.util.Map<String, Set<String>> byId = new java.util.HashMap<>();
        list.forEach(r -> {
            Set<String> categories = new TreeSet<>();
            r.path("categories").forEach(c -> categories.add(c.asString()));
            byId.put(r.path("id").asString(), categories);
        });
        return byId;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        List<String> all = new ArrayList<>();
        object.propertyNames().forEach(all::add);
        names.addAll(all);
        return names;
    }
}
