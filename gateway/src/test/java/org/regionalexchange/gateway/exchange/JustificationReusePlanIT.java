package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.policy.model.Sha256;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The justification-reuse query reads at most a row per scan whatever plan PostgreSQL caches for
 * it. The JDBC driver prepares a statement on the server after a few uses, and PostgreSQL then
 * settles on a generic plan made without the values. With an agency that asked many times with
 * one justification about one person — the usual case, and every request of the holder benchmark —
 * a generic plan that walked the ledger's time index read every use in the window for each
 * request, so the holder's cost grew with its ledger (docs/performance.md, P1).
 */
class JustificationReusePlanIT {

    private static final int USES = 3_000;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String AGENCY = "PLAN-" + RUN;
    private static final String FINGERPRINT = Sha256.hex("fingerprint " + RUN);
    private static final String SUBJECT = Sha256.hex("subject " + RUN);

    private static JdbcTemplate owner;

    @BeforeAll
    static void ledgers() {
        owner = RegionData.owner(TestRegion.shared(), "kz");
        owner.update("""
                insert into exchange_received (sender_node, jti, request_id, request_digest, request_jws,
                    requester_agency, holder_agency, justification_fingerprint,
                    justification_normalized_fingerprint, subject_key, received_at, outcome, purpose)
                select 'kg', ? || '-' || n, gen_random_uuid(), 'digest', 'jws', ?, 'KZ-MIGRATION', ?, ?, ?,
                    now() - n * interval '1 second', 'RELEASED', 'RSD_CASE_PROCESSING'
                from generate_series(1, ?) n""", RUN, AGENCY, FINGERPRINT, FINGERPRINT, SUBJECT, USES);
        owner.update("""
                insert into exchange_request (id, officer, agency, holder_agency, holder_node, purpose,
                    justification_fingerprint, justification_normalized_fingerprint, subject_key, request_jws,
                    request_digest, status, created_at)
                select gen_random_uuid(), 'officer', ?, 'KZ-MIGRATION', 'kz', 'RSD_CASE_PROCESSING', ?, ?, ?,
                    'jws', 'digest', 'ANSWERED', now() - n * interval '1 second'
                from generate_series(1, ?) n""", AGENCY, FINGERPRINT, FINGERPRINT, SUBJECT, USES);
        owner.execute("analyze exchange_received");
        owner.execute("analyze exchange_request");
    }

    @Test
    @DisplayName("the holder's ledger: the generic plan reads no use of the same person, only the fingerprint's index")
    void holderLedger() {
        assertReadsNothingSpare(ReceivedLedger.USES);
    }

    @Test
    @DisplayName("the holder's ledger read with the agreements' revision in one statement: the same scans, and the revision by its key")
    void holderLedgerWithAgreements() {
        JsonNode plan = genericPlan(JustificationUses.withAgreementsRevision(ReceivedLedger.USES), "reuse_with_revision");
        assertScans(plan, ReceivedLedger.USES);
        List<JsonNode> revision = new ArrayList<>();
        collectScans(plan, revision);
        revision.removeIf(scan -> !scan.path("Relation Name").asString().equals("agreement_revision"));
        assertEquals(1, revision.size(), plan.toString());
        assertEquals(1, revision.get(0).path("Actual Rows").asLong(), revision.toString());
    }

    @Test
    @DisplayName("the requester's ledger: the generic plan reads no use of the same person, only the fingerprint's index")
    void requesterLedger() {
        assertReadsNothingSpare(RequestLedger.USES);
    }

    private static void assertReadsNothingSpare(JustificationUses.Ledger ledger) {
        assertScans(genericPlan(ledger.query(), "reuse_" + ledger.table()), ledger);
    }

    /** Four scans of the ledger, each by an index on (agency, fingerprint, subject, time), none reading a row. */
    private static void assertScans(JsonNode plan, JustificationUses.Ledger ledger) {
        List<JsonNode> scans = new ArrayList<>();
        collectScans(plan, scans);
        scans.removeIf(scan -> !scan.path("Relation Name").asString().equals(ledger.table()));
        assertEquals(4, scans.size(), plan.toString());
        for (JsonNode scan : scans) {
            assertTrue(scan.path("Index Name").asString("").endsWith("_subject"),
                    "each scan walks an index on (agency, fingerprint, subject, time): " + scan);
            assertEquals(0, scan.path("Rows Removed by Filter").asLong(0), scan.toString());
            assertEquals(0, scan.path("Actual Rows").asLong(), scan.toString());
        }
    }

    /** EXPLAIN ANALYZE of the query as a prepared statement, with the plan made without its values. */
    private static JsonNode genericPlan(String query, String name) {
        // The query's parameters in the order it binds them: per scan the agency, a fingerprint
        // (normalized in the first two, as written in the last two), the subject and the time.
        String numbered = query;
        for (String parameter : "$1 $2 $4 $5 $1 $2 $4 $5 $1 $3 $4 $5 $1 $3 $4 $5".split(" ")) {
            numbered = numbered.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(parameter));
        }
        String sql = numbered;
        assertTrue(!sql.contains("?"), sql);
        return owner.execute((ConnectionCallback<JsonNode>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set plan_cache_mode = force_generic_plan");
                statement.execute("prepare " + name + " (text, text, text, text, timestamptz) as " + sql);
                try (var rs = statement.executeQuery("explain (analyze, format json) execute " + name + " ('"
                        + AGENCY + "', '" + FINGERPRINT + "', '" + FINGERPRINT + "', '" + SUBJECT
                        + "', now() - interval '30 days')")) {
                    rs.next();
                    return JsonMapper.builder().build().readTree(rs.getString(1)).get(0).get("Plan");
                } finally {
                    statement.execute("deallocate " + name);
                    statement.execute("reset plan_cache_mode");
                }
            }
        });
    }

    private static void collectScans(JsonNode node, List<JsonNode> scans) {
        if (node.path("Relation Name").isString()) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> collectScans(child, scans));
    }
}
