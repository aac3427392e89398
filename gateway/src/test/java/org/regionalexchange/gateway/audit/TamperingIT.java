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
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * QUALITY.md R6 on a node of its own (node tj of a fresh region, so the shared region's chain
 * stays intact): a superuser disables the trigger and changes or deletes rows; result: verify
 * names the first broken row. The same node runs with a tiny rate limit for officers.
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
    @DisplayName("a row is changed, then deleted, then the last rows are deleted, each by a superuser; result: verify names the broken row each time")
    void verifierFindsEveryTampering() {
        assertTrue(verify().path("valid").asBoolean());
        long id = owner.queryForObject("select min(id) + 3 from access_log", Long.class);
        owner.update("create table tamper_saved as select * from access_log where id = ?", id);

        tamper("update access_log set outcome = 'REFUSED' where id = " + id);
        JsonNode changed = verify();
        assertFalse(changed.path("valid").asBoolean());
        assertEquals(id, changed.path("firstBrokenEventId").asLong(), changed.toString());
        assertEquals("hash_mismatch", changed.path("problem").asString());
        tamper("update access_log set outcome = 'OK' where id = " + id);
        assertTrue(verify().path("valid").asBoolean(), "restored");

        tamper("delete from access_log where id = " + id);
        JsonNode deleted = verify();
        assertFalse(deleted.path("valid").asBoolean());
        assertEquals(id + 1, deleted.path("firstBrokenEventId").asLong(), deleted.toString());
        assertEquals("prev_hash_mismatch", deleted.path("problem").asString());
        var checkpoint = Http.post(region.uri("tj", "/api/v1/audit/checkpoints"), dpo, null, new byte[0]);
        assertProblem(checkpoint, 409, "conflict");
        owner.execute("insert into access_log select * from tamper_saved");
        owner.execute("drop table tamper_saved");
        assertTrue(verify().path("valid").asBoolean(), "restored");

        long last = owner.queryForObject("select max(id) from access_log", Long.class);
        tamper("delete from access_log where id = " + last);
        JsonNode truncated = verify();
        assertFalse(truncated.path("valid").asBoolean());
        assertEquals("head_mismatch", truncated.path("problem").asString());
        assertEquals(last, truncated.path("firstBrokenEventId").asLong(), truncated.toString());
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

    private static void tamper(String sql, Object... args) {
        owner.execute("alter table access_log disable trigger access_log_no_update_or_delete");
        try {
            owner.update(sql, args);
        } finally {
            owner.execute("alter table access_log enable trigger access_log_no_update_or_delete");
        }
    }
}
