package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lane's newest row is read through the index on (lane, id) whatever plan PostgreSQL caches
 * (docs/performance.md P1, migration V40). The chain's trigger runs its read of the lane's head
 * as a prepared statement, and after a few appends PostgreSQL keeps a generic plan made without
 * the lane's number; the heads' view reads it for each lane from a join. A plan that walks the
 * primary key backwards and filters by lane reads every row appended since the lane was last used
 * - for a lane busy only at last month's peak, the whole month's log, on every append into it.
 * Both reads are taken from the database as it stands (the trigger function's source, the view's
 * definition) and run against a copy of {@code access_log}'s shape in which every row but the
 * first is in lanes 0-3 and lane 9 holds only that first row.
 */
class AccessLogLanePlanIT {

    private static final int ROWS = 20_000;
    private static final int OLD_LANE = 9;
    private static final Pattern HEAD_READ = Pattern.compile("(?is)select\\s+a\\.hash\\s+into\\s+previous\\s+(from\\s+access_log\\s+a\\s.*?);");

    @Test
    @DisplayName("the trigger's read of a lane's head, as a generic plan, for a lane last used 20,000 rows ago; result: one index entry of (lane, id) read, no row filtered out")
    void triggerReadsOneEntry() {
        JsonNode plan = withLog(connection -> {
            String function = single(connection, "select pg_get_functiondef('access_log_chain'::regproc)");
            Matcher read = HEAD_READ.matcher(function);
            assertTrue(read.find(), function);
            String sql = "select a.hash " + probe(read.group(1)).replaceAll("\\bheld\\b", "\\$1");
            try (Statement statement = connection.createStatement()) {
                statement.execute("set plan_cache_mode = force_generic_plan");
                statement.execute("prepare lane_head (smallint) as " + sql);
                try {
                    return explain(connection, "execute lane_head (" + OLD_LANE + ")");
                } finally {
                    statement.execute("deallocate lane_head");
                    statement.execute("reset plan_cache_mode");
                }
            }
        });
        List<JsonNode> scans = scans(plan, "a");
        assertEquals(1, scans.size(), plan.toString());
        assertReadsTheHeadOnly(scans.get(0));
        assertEquals(1, scans.get(0).path("Actual Rows").asLong(), plan.toString());
    }

    @Test
    @DisplayName("the heads' view, for 16 lanes of which 11 are empty and one last used 20,000 rows ago; result: each lane's head read through the index on (lane, id), no row filtered out")
    void viewReadsOneEntryPerLane() {
        JsonNode plan = withLog(connection -> {
            String view = single(connection, "select pg_get_viewdef('access_log_lane'::regclass)");
            return explain(connection, "select lane, last_id, last_hash from (" + probe(view.replace(";", "")) + ") v");
        });
        List<JsonNode> scans = scans(plan, "a");
        assertEquals(1, scans.size(), plan.toString());
        assertEquals(16, scans.get(0).path("Actual Loops").asLong(), plan.toString());
        assertReadsTheHeadOnly(scans.get(0));
    }

    /** The scan read the lane's newest row only: through an index on (lane, id), nothing filtered. */
    private static void assertReadsTheHeadOnly(JsonNode scan) {
        String index = scan.path("Index Name").asString("");
        assertFalse(index.isEmpty() || index.endsWith("_pkey"), "the scan walks the index on (lane, id): " + scan);
        assertTrue(scan.path("Index Cond").asString("").contains("lane"), scan.toString());
        assertEquals(0, scan.path("Rows Removed by Filter").asLong(0), scan.toString());
    }

    /** {@code sql} with {@code access_log} replaced by the copy of this test. */
    private static String probe(String sql) {
        return sql.replaceAll("\\baccess_log\\b(?!_)", "pg_temp.lane_probe");
    }

    private interface WithLog {
        JsonNode run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code action} on one connection of the owner with {@code pg_temp.lane_probe}: the
     * columns, constraints and indexes of {@code access_log}, row 1 in lane {@value #OLD_LANE}, the
     * others in lanes 0-3.
     */
    private static JsonNode withLog(WithLog action) {
        JdbcTemplate owner = RegionData.owner(TestRegion.shared(), "kz");
        return owner.execute((ConnectionCallback<JsonNode>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temp table lane_probe (like access_log including all)");
                try {
                    statement.execute("""
                            insert into pg_temp.lane_probe (id, occurred_at, node_id, actor, action, outcome, prev_hash,
                                hash, lane, canonical_version)
                            select n, now(), 'kz', 'probe', 'PROBE', 'OK', repeat('0', 64), repeat('0', 64),
                                case when n = 1 then %d else n %% 4 end, 1
                            from generate_series(1, %d) n""".formatted(OLD_LANE, ROWS));
                    statement.execute("analyze pg_temp.lane_probe");
                    return action.run(connection);
                } finally {
                    statement.execute("drop table pg_temp.lane_probe");
                }
            }
        });
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static JsonNode explain(Connection connection, String sql) throws SQLException {
        return JsonMapper.builder().build().readTree(single(connection, "explain (analyze, format json) " + sql))
                .get(0).get("Plan");
    }

    /** The scans of the relation aliased {@code alias} in {@code plan}. */
    private static List<JsonNode> scans(JsonNode plan, String alias) {
        List<JsonNode> scans = new ArrayList<>();
        collect(plan, alias, scans);
        return scans;
    }

    private static void collect(JsonNode node, String alias, List<JsonNode> scans) {
        if (node.path("Relation Name").isString() && alias.equals(node.path("Alias").asString())) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> collect(child, alias, scans));
    }
}
