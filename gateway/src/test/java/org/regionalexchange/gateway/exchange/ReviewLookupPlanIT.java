package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reviewer's decision finds its request in the holder's ledger by the request's id, within the
 * reviewer's agency, from any sender ({@link ReceivedLedger#forHolder}): a read of a few index
 * pages however long the ledger is. The ledger's unique key named the sender first, so the lookup
 * by id alone read the whole index (docs/performance.md P1, V40). Checked on the query's generic
 * plan over a ledger of {@value #ROWS} rows, inserted in a transaction that is rolled back.
 */
class ReviewLookupPlanIT {

    private static final int ROWS = 20_000;

    @Test
    @DisplayName("the reviewer's lookup of a request by id among 20,000 received requests, as a generic plan; result: an index scan on the request id reading a few pages")
    void lookupReadsAFewPages() {
        JdbcTemplate owner = RegionData.owner(TestRegion.shared(), "kz");
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode plan = owner.execute((ConnectionCallback<JsonNode>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into exchange_received (sender_node, jti, request_id, request_digest, request_jws,
                            requester_agency, holder_agency, received_at, outcome, purpose)
                        select (array['kg', 'tj'])[1 + n %% 2], '%s-' || n, gen_random_uuid(), 'digest', 'jws',
                            'KG-SMS', 'KZ-MIGRATION', now() - n * interval '1 second', 'RELEASED', 'RSD_CASE_PROCESSING'
                        from generate_series(1, %d) n""".formatted(run, ROWS));
                statement.execute("analyze exchange_received");
                statement.execute("set local plan_cache_mode = force_generic_plan");
                String sql = ReceivedLedger.FOR_HOLDER.replace(":id", "$1").replace(":agency", "$2")
                        .replace(":node", "$3");
                statement.execute("prepare review_lookup (uuid, varchar, varchar) as " + sql);
                try (var rs = statement.executeQuery("explain (analyze, buffers, format json) execute review_lookup ('"
                        + UUID.randomUUID() + "', 'KZ-MIGRATION', 'kg')")) {
                    rs.next();
                    return JsonMapper.builder().build().readTree(rs.getString(1)).get(0).get("Plan");
                } finally {
                    statement.execute("deallocate review_lookup");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
        JsonNode scan = scan(plan);
        assertNotNull(scan, plan.toString());
        assertTrue(scan.path("Index Cond").asString("").contains("request_id"), plan.toString());
        long pages = scan.path("Shared Hit Blocks").asLong() + scan.path("Shared Read Blocks").asLong();
        assertTrue(pages <= 6, "pages read: " + pages + " " + plan);
        assertEquals(0, scan.path("Actual Rows").asLong(), plan.toString());
    }

    /** The plan's scan of the ledger. */
    private static JsonNode scan(JsonNode node) {
        if ("exchange_received".equals(node.path("Relation Name").asString())) {
            return node;
        }
        for (JsonNode child : node.path("Plans")) {
            JsonNode found = scan(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
