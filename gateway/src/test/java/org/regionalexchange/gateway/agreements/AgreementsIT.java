package org.regionalexchange.gateway.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Agreements (deployment file and admin API) and the persisted participant registry on the nodes of
 * the shared region. Each test: the node starts or an admin calls the API; result as named.
 */
class AgreementsIT {

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    private static String agreement(String id, String until) {
        return """
                {"agreementId": "%s", "parties": [{"country": "KZ"}, {"organization": "UNHCR"}],
                 "purposes": [{"purpose": "PROTECTION_REFERRAL", "categories": ["IDENTITY", "CASE_STATUS"]}],
                 "validFrom": "2026-01-01", "validUntil": "%s"}""".formatted(id, until);
    }

    @Test
    @DisplayName("each node loads the region's three agreements from the deployment file, with reason 'deployment file'")
    void loadedFromFile() {
        var response = Http.get(region.uri("kg", "/api/v1/admin/agreements"), region.token("KG-SMS", "admin"));
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        Problems.json(response.body()).path("agreements").forEach(a -> {
            if (a.path("source").asString().equals("FILE")) {
                ids.add(a.path("agreementId").asString());
            }
        });
        assertEquals(List.of("KG-TJ-2025-PROT", "KZ-KG-2024-RSD", "KZ-TJ-2025-DOC"), ids);
        JsonNode narrow = Problems.json(Http.get(region.uri("kg", "/api/v1/admin/agreements/KZ-TJ-2025-DOC"),
                region.token("KG-SMS", "admin")).body());
        assertEquals("DOCUMENT_VERIFICATION", narrow.path("purposes").get(0).path("purpose").asString());
        assertEquals(1, narrow.path("purposes").size());
        JdbcClient db = region.start("kg").getBean(JdbcClient.class);
        assertEquals(3, db.sql("SELECT count(*) FROM agreement_aud a JOIN audit_revision r ON r.id = a.rev"
                + " WHERE r.reason = 'deployment file' AND r.actor = 'system' AND a.revtype = 0").query(Long.class).single());
        Agreements agreements = region.start("kg").getBean(Agreements.class);
        // What the policy gets: the same agreements as values (it decides coverage and validity).
        var kzKg = agreements.forPolicy().stream().filter(a -> a.id().equals("KZ-KG-2024-RSD")).findFirst().orElseThrow();
        assertTrue(kzKg.isBetween(Party.country("KG"), Party.country("KZ")));
        assertEquals(Set.of(Category.IDENTITY, Category.CASE_STATUS, Category.CLAIM, Category.FAMILY),
                kzKg.coverage().get(Purpose.RSD_CASE_PROCESSING));
        assertFalse(kzKg.coverage().containsKey(Purpose.SECURITY_SCREENING));
        assertTrue(kzKg.isInForceOn(LocalDate.of(2026, 6, 1)));
        assertFalse(kzKg.isInForceOn(LocalDate.of(2029, 1, 1)));
    }

    @Test
    @DisplayName("an admin creates (201), cannot create twice (409), updates (200) and reads an agreement")
    void adminManagesAgreements() {
        String admin = region.token("KZ-MIGRATION", "admin");
        String id = "KZ-UNHCR-" + UUID.randomUUID().toString().substring(0, 6);
        var created = Http.postJson(region.uri("kz", "/api/v1/admin/agreements"), admin, agreement(id, "2026-12-31"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/admin/agreements/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals("ADMIN", Problems.json(created.body()).path("source").asString());
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/admin/agreements"), admin, agreement(id, "2026-12-31")),
                409, "conflict");
        var updated = Http.putJson(region.uri("kz", "/api/v1/admin/agreements/" + id), admin, agreement(id, "2027-12-31"));
        assertEquals(200, updated.statusCode(), updated.body());
        var read = Http.get(region.uri("kz", "/api/v1/admin/agreements/" + id), admin);
        assertEquals("2027-12-31", Problems.json(read.body()).path("validUntil").asString());
        List<String> reasons = region.start("kz").getBean(JdbcClient.class).sql(
                        "SELECT r.reason || ':' || a.valid_until_mod FROM agreement_aud a JOIN audit_revision r ON r.id = a.rev"
                                + " WHERE a.agreement_id = ? ORDER BY a.rev")
                .param(id).query(String.class).list();
        assertEquals(List.of("agreement created by admin:true", "agreement updated by admin:true"), reasons);
    }

    @Test
    @DisplayName("bad agreements: unknown country 400 invalid_value, id differing from the path 400, unknown id 404, non-admin 403")
    void refusals() {
        String admin = region.token("KZ-MIGRATION", "admin");
        JsonNode problem = assertProblem(Http.postJson(region.uri("kz", "/api/v1/admin/agreements"), admin,
                agreement("KZ-XX-1", "2026-12-31").replace("\"organization\": \"UNHCR\"", "\"country\": \"XX\"")),
                400, "invalid_value");
        assertEquals(List.of("parties[1].country"), Problems.fields(problem));
        assertProblem(Http.putJson(region.uri("kz", "/api/v1/admin/agreements/KZ-KG-2024-RSD"), admin,
                agreement("OTHER-ID", "2026-12-31")), 400, "invalid_value");
        assertProblem(Http.get(region.uri("kz", "/api/v1/admin/agreements/NO-SUCH"), admin), 404, "not_found");
        assertProblem(Http.get(region.uri("kz", "/api/v1/admin/agreements"), region.token("KZ-MIGRATION", "registrar")),
                403, "role_not_permitted");
    }

    @Test
    @DisplayName("the policy's view of the agreements is reused while the table is unchanged; a change made by hand in the database is seen by the next call")
    void policyViewFollowsTheTable() {
        Agreements agreements = region.start("tj").getBean(Agreements.class);
        var first = agreements.forPolicy();
        assertSame(first, agreements.forPolicy(), "unchanged table, same converted list");
        JdbcTemplate owner = RegionData.owner(region, "tj");
        LocalDate until = owner.queryForObject("select valid_until from agreement where agreement_id = 'KG-TJ-2025-PROT'",
                LocalDate.class);
        try {
            owner.update("update agreement set valid_until = '2031-01-01' where agreement_id = 'KG-TJ-2025-PROT'");
            var changed = agreements.forPolicy().stream().filter(a -> a.id().equals("KG-TJ-2025-PROT")).findFirst()
                    .orElseThrow();
            assertEquals(java.util.Optional.of(LocalDate.of(2031, 1, 1)), changed.validUntil());
        } finally {
            owner.update("update agreement set valid_until = ? where agreement_id = 'KG-TJ-2025-PROT'", until);
        }
        var restored = agreements.forPolicy().stream().filter(a -> a.id().equals("KG-TJ-2025-PROT")).findFirst()
                .orElseThrow();
        assertEquals(java.util.Optional.ofNullable(until), restored.validUntil());
    }

    @Test
    @DisplayName("an agreement created, changed or deleted through the node's own role moves the revision: the next call sees it; the node's role cannot move the revision itself")
    void policyViewFollowsChangesByTheNode() {
        Agreements agreements = region.start("tj").getBean(Agreements.class);
        var before = agreements.forPolicy();
        assertSame(before, agreements.forPolicy(), "unchanged table, same converted list");
        String id = "TJ-UNHCR-" + UUID.randomUUID().toString().substring(0, 6);
        var created = Http.postJson(region.uri("tj", "/api/v1/admin/agreements"), region.token("TJ-MIA", "admin"),
                agreement(id, "2026-12-31").replace("\"country\": \"KZ\"", "\"country\": \"TJ\""));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(agreements.forPolicy().stream().anyMatch(a -> a.id().equals(id)), "created through the API: seen");
        JdbcTemplate app = RegionData.app(region, "tj");
        app.update("delete from agreement where agreement_id = ?", id);
        assertFalse(agreements.forPolicy().stream().anyMatch(a -> a.id().equals(id)), "deleted by the node's role: seen");
        assertEquals(before.stream().map(a -> a.id()).toList(), agreements.forPolicy().stream().map(a -> a.id()).toList());
        assertThrows(org.springframework.dao.DataAccessException.class,
                () -> app.update("update agreement_revision set revision = 1"), "the node's role cannot move the revision back");
    }

    @Test
    @DisplayName("KZ's agreement with KG ended by hand in KZ's database between two exchanges; result: KZ refuses the next request (no_agreement), and releases again once it is restored")
    void exchangeFollowsTheTable() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String ref = "KZ-" + run + "-AGREEMENT";
        RegionData.register(region, ref, "Rahimi");
        assertEquals("RELEASED", ask(ref, "KG-SMS-2026-A" + run + "-1").outcome());
        JdbcTemplate owner = RegionData.owner(region, "kz");
        LocalDate until = owner.queryForObject("select valid_until from agreement where agreement_id = 'KZ-KG-2024-RSD'",
                LocalDate.class);
        Asked refused;
        try {
            owner.update("update agreement set valid_until = current_date - 1 where agreement_id = 'KZ-KG-2024-RSD'");
            refused = ask(ref, "KG-SMS-2026-A" + run + "-2");
        } finally {
            owner.update("update agreement set valid_until = ? where agreement_id = 'KZ-KG-2024-RSD'", until);
        }
        assertEquals("REFUSED", refused.outcome());
        assertTrue(refused.reasons().contains("\"no_agreement\""), refused.reasons());
        assertEquals("REFUSED", owner.queryForObject("select outcome from exchange_received where request_id = ?",
                String.class, refused.requestId()), "decided so at KZ");
        assertEquals("RELEASED", ask(ref, "KG-SMS-2026-A" + run + "-3").outcome());
    }

    private record Asked(UUID requestId, String outcome, String reasons) {
    }

    /** KG asks KZ about the record {@code ref} (identity and case status); the requester's answer. */
    private static Asked ask(String ref, String caseRef) {
        var answer = RegionData.askFromKg(region, ref, caseRef, "\"IDENTITY\", \"CASE_STATUS\"");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = Problems.json(answer.body());
        return new Asked(UUID.fromString(body.path("requestId").asString()), body.path("outcome").asString(),
                body.path("reasons").toString());
    }

    @Test
    @DisplayName("the participant registry is persisted with history: 3 nodes and the region's agencies, by 'deployment file'")
    void registryPersisted() {
        JdbcClient db = region.start("tj").getBean(JdbcClient.class);
        assertEquals(3, db.sql("SELECT count(*) FROM registry_node").query(Long.class).single());
        // 7 agencies and 9 sample receiving agencies (child protection, anti-trafficking, care per state).
        assertEquals(16, db.sql("SELECT count(*) FROM registry_agency").query(Long.class).single());
        assertEquals("Ministry of Internal Affairs of the Republic of Tajikistan", db.sql(
                "SELECT name FROM registry_agency WHERE id = 'TJ-MIA'").query(String.class).single());
        assertEquals("Department of Citizenship and Refugee Affairs", db.sql(
                "SELECT contact->>'department' FROM registry_agency WHERE id = 'TJ-MIA'").query(String.class).single());
        assertEquals(19, db.sql("SELECT count(*) FROM (SELECT rev FROM registry_node_aud UNION ALL SELECT rev FROM registry_agency_aud) a"
                + " JOIN audit_revision r ON r.id = a.rev WHERE r.reason = 'deployment file'").query(Long.class).single());
    }
}
