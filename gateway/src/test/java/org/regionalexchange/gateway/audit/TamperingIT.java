package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * docs/performance.md R6 on a node of its own (node tj of a fresh region, so the shared region's chain
 * stays intact): a superuser disables the trigger and changes, deletes or moves rows; result:
 * verify names the first broken row. The same node runs with a tiny rate limit for officers.
 */
class TamperingIT {

    private static TestRegion region;
    private static JdbcTemplate owner;
    private static String dpo;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        region.start("tj", "--gateway.rate-limit.requests-per-minute=3", "--gateway.rate-limit.per-role.dpo=1000");
        owner = RegionData.owner(region, "tj");
        dpo = region.token("TJ-MIA", "dpo");
        var context = region.start("tj");
        AccessLog log = context.getBean(AccessLog.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (int i = 0; i < 10; i++) {
                log.append(new AccessEvent(Instant.now(), "test.registrar@tj-mia", "TJ-MIA", "tj",
                        AccessAction.RECORD_READ, UUID.randomUUID(), AccessEvent.OK, List.of()));
            }
        });
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("a row is changed, then deleted, then moved to another lane, each by a superuser; result: verify names the broken row each time; then a lane is cut back; result: a checkpoint taken before no longer extends (event_missing)")
    void verifierFindsEveryTampering() {
        assertTrue(verify().path("valid").asBoolean());
        long id = owner.queryForObject("select min(id) + 3 from access_log", Long.class);
        owner.update("create table tamper_saved as select * from access_log where id = ?", id);

        tamper("update access_log set outcome = 'REFUSED' where id = " + id);
        JsonNode changed = verify();
        assertFalse(changed.path("valid").asBoolean());
        assertEquals(id, changed.path("firstBrokenEventId").asLong(), changed.toString());
        // The node appends canonical form 2: the row's content no longer matches its content digest.
        assertEquals("content_digest_mismatch", changed.path("problem").asString());
        tamper("update access_log set outcome = 'OK' where id = " + id);
        assertTrue(verify().path("valid").asBoolean(), "restored");

        long successor = owner.queryForObject("select min(b.id) from access_log a join access_log b"
                + " on b.lane = a.lane and b.id > a.id where a.id = ?", Long.class, id);
        tamper("delete from access_log where id = " + id);
        JsonNode deleted = verify();
        assertFalse(deleted.path("valid").asBoolean());
        assertEquals(successor, deleted.path("firstBrokenEventId").asLong(), deleted.toString());
        assertEquals("prev_hash_mismatch", deleted.path("problem").asString());
        var checkpoint = Http.post(region.uri("tj", "/api/v1/audit/checkpoints"), dpo, null, new byte[0]);
        assertProblem(checkpoint, 409, "conflict");
        restoreSaved();
        assertTrue(verify().path("valid").asBoolean(), "restored");

        int lane = owner.queryForObject("select lane from access_log where id = ?", Integer.class, id);
        tamper("update access_log set lane = " + ((lane + 1) % ChainVerifier.LANES) + " where id = " + id);
        JsonNode moved = verify();
        assertFalse(moved.path("valid").asBoolean());
        assertEquals(id, moved.path("firstBrokenEventId").asLong(), moved.toString());
        assertEquals("prev_hash_mismatch", moved.path("problem").asString());
        owner.execute("alter table access_log drop constraint access_log_lane_check");
        tamper("update access_log set lane = " + ChainVerifier.LANES + " where id = " + id);
        JsonNode unknown = verify();
        assertEquals(id, unknown.path("firstBrokenEventId").asLong(), unknown.toString());
        assertEquals("unknown_lane", unknown.path("problem").asString());
        tamper("update access_log set lane = " + lane + " where id = " + id);
        owner.execute("alter table access_log add constraint access_log_lane_check check (lane between 0 and 15)");
        assertTrue(verify().path("valid").asBoolean(), "restored");

        // A lane cut back: its newest rows deleted. The rest of the lane is still a valid chain, and a lane's
        // head is its newest row (V38), so only a statement made before the cut can show it: a checkpoint
        // taken before no longer extends (event_missing at the lane's checkpointed head).
        var exported = Http.post(region.uri("tj", "/api/v1/audit/checkpoints"), dpo, null, new byte[0]);
        assertEquals(200, exported.statusCode(), exported.body());
        String kept = Problems.json(exported.body()).path("checkpoint").asString();
        JsonNode claims = org.regionalexchange.gateway.signing.CompactJws.parse(kept).payload();
        long head = claims.path("headEventId").asLong();
        int headLane = owner.queryForObject("select lane from access_log where id = ?", Integer.class, head);
        tamper("delete from access_log where lane = ? and id >= ?", headLane, head);
        assertTrue(verify().path("valid").asBoolean(), "a lane cut back is a valid chain by itself");
        var checked = Http.postJson(region.uri("tj", "/api/v1/audit/checkpoints/verify"), dpo,
                "{ \"checkpoint\": \"" + kept + "\" }");
        assertEquals(200, checked.statusCode(), checked.body());
        JsonNode check = Problems.json(checked.body());
        assertFalse(check.path("extendsCheckpoint").asBoolean(), check.toString());
        assertEquals(headLane, check.path("firstBreak").path("lane").asInt(), check.toString());
        assertEquals(head, check.path("firstBreak").path("eventId").asLong(), check.toString());
        assertEquals("event_missing", check.path("firstBreak").path("problem").asString(), check.toString());
    }

    @Test
    @DisplayName("a superuser inserts a row giving its own id, lane and hashes; result: the database chains it like any other, verify stays valid")
    void insertedRowsAreChainedWhateverTheySupply() {
        long before = owner.queryForObject("select max(id) from access_log", Long.class);
        owner.update("""
                insert into access_log (id, occurred_at, actor, agency, node_id, action, outcome, lane, prev_hash, hash)
                values (1, now(), 'test.owner', 'TJ-MIA', 'tj', 'RECORD_READ', 'OK', 7, repeat('a', 64), repeat('b', 64))""");
        var row = owner.queryForMap("select id, lane, prev_hash, hash from access_log where actor = 'test.owner'");
        assertTrue(((Number) row.get("id")).longValue() > before, row.toString());
        assertFalse(row.get("hash").equals("b".repeat(64)), row.toString());
        assertTrue(verify().path("valid").asBoolean());
    }

    @Test
    @DisplayName("an officer makes a fourth call within a minute at a limit of 3; result: 429 rate_limited with Retry-After; another officer is not affected")
    void rateLimitPerOfficer() {
        String officer = region.token("TJ-MIA", "officer");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(region.uri("tj", "/api/v1/directory/agencies"), officer).statusCode());
        }
        var limited = Http.get(region.uri("tj", "/api/v1/directory/agencies"), officer);
        assertProblem(limited, 429, "rate_limited");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) >= 1);
        String colleague = region.tokens().mint("TJ-MIA", List.of("officer"), "another.officer@tj-mia", Instant.now(),
                java.time.Duration.ofMinutes(5));
        assertEquals(200, Http.get(region.uri("tj", "/api/v1/directory/agencies"), colleague).statusCode());
    }

    private static JsonNode verify() {
        return RegionData.getJson(region, "tj", "/api/v1/audit/verify", dpo);
    }

    /** Puts the deleted row back as it was, past the trigger that would chain it anew. */
    private static void restoreSaved() {
        owner.execute("alter table access_log disable trigger access_log_chain");
        try {
            owner.execute("insert into access_log select * from tamper_saved");
        } finally {
            owner.execute("alter table access_log enable trigger access_log_chain");
        }
        owner.execute("drop table tamper_saved");
    }

    private static void tamper(String sql, Object... args) {
        owner.execute("alter table access_log disable trigger access_log_no_update_or_delete");
        try {
            owner.update(sql, args);
        } finally {
            owner.execute("alter table access_log enable trigger access_log_no_update_or_delete");
        }
    }
}
