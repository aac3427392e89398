package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two canonical forms of the access log (docs/dpo-guide.md "Canonical forms") on a node of its
 * own: rows of version 1 (chained by the database alone) and version 2 (content digest supplied by
 * the node) in the same lanes verify with the node's verifier and with an outside verifier written
 * from the DPO guide alone (test resource {@code audit/verify_access_log.py}, Python 3 standard
 * library; python3 is required, not optional); a content digest that does not match its row is
 * chained by the database but found by both verifiers.
 */
class CanonicalFormsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestRegion region;
    private static JdbcTemplate owner;
    private static JdbcTemplate app;
    private static String dpo;
    private static org.springframework.context.ConfigurableApplicationContext node;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        node = region.start("tj");
        owner = RegionData.owner(region, "tj");
        app = RegionData.app(region, "tj");
        dpo = region.token("TJ-MIA", "dpo");
        append(5);
        // Chained by the database alone: version 1, with text the encoding must get right.
        owner.update("""
                insert into access_log (occurred_at, actor, agency, node_id, action, outcome, justification, categories)
                values ('2026-03-01 14:15:02.1+05', 'test.owner', 'TJ-MIA', 'tj', 'RECORD_READ', 'OK',
                    'Заявитель: "ünïcode", commas,
                and a second line', '')""");
        append(5);
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    private static void append(int events) {
        AccessLog log = node.getBean(AccessLog.class);
        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (int i = 0; i < events; i++) {
                log.append(new AccessEvent(Instant.now(), "регистратор." + i + "@tj-mia", "TJ-MIA", "tj",
                        AccessAction.RECORD_READ, UUID.randomUUID(), AccessEvent.OK, List.of("no_such_record")));
            }
        });
    }

    @Test
    @DisplayName("rows of version 1 and 2 in the same lanes; result: the node's verifier, the database's functions and the outside verifier agree, both versions counted")
    void bothVersionsVerifyEverywhere() throws Exception {
        assertEquals(1, owner.queryForObject("select count(*) from access_log where canonical_version = 1", Integer.class));
        assertTrue(owner.queryForObject("select count(*) from access_log where canonical_version = 2", Integer.class) >= 10);
        assertEquals(0, owner.queryForObject("""
                select count(*) from access_log a
                where hash <> access_log_hash(a) or content_digest <> access_log_content_digest(a)""", Integer.class));
        JsonNode verify = RegionData.getJson(region, "tj", "/api/v1/audit/verify", dpo);
        assertTrue(verify.path("valid").asBoolean(), verify.toString());

        // The rows the node's verifier saw (its own answer is logged after them).
        Outside outside = outsideVerifier(verify.path("headEventId").asLong());
        assertEquals(0, outside.exit(), outside.output());
        JsonNode result = JSON.readTree(outside.output());
        assertTrue(result.path("valid").asBoolean(), outside.output());
        assertEquals(1, result.path("version1").asInt(), outside.output());
        assertEquals(verify.path("events").asLong(), result.path("events").asLong(), outside.output());
        assertEquals(verify.path("events").asLong(), result.path("version1").asLong() + result.path("version2").asLong());
        // The heads and the heads hash, as the node answers them and signs them in checkpoints.
        assertEquals(verify.path("headHash").asString(), result.path("headHash").asString(), outside.output());
        assertEquals(verify.path("lanes").toString(), result.path("lanes").toString());
    }

    @Test
    @DisplayName("the application's role inserts a row whose content digest is that of other content; result: the database chains it, the node's verifier and the outside verifier name it content_digest_mismatch")
    void aLyingContentDigestIsFoundAtVerify() throws Exception {
        StoredEvent claimed = new StoredEvent(0, Instant.parse("2026-03-01T09:15:02.123456Z"), "tj", "test.liar@tj-mia",
                "TJ-MIA", "RECORD_READ", null, "OK", null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0, 2, null);
        app.update("""
                insert into access_log (occurred_at, node_id, actor, agency, action, outcome, content_digest)
                values ('2026-03-01 09:15:02.123456+00', 'tj', 'test.liar@tj-mia', 'TJ-MIA', 'RECORD_READ', 'REFUSED', ?)""",
                claimed.computeContentDigest());
        long liar = owner.queryForObject("select id from access_log where actor = 'test.liar@tj-mia'", Long.class);
        assertEquals(2, owner.queryForObject("select canonical_version from access_log where id = ?", Integer.class, liar));
        assertNotEquals(owner.queryForObject("select access_log_content_digest(a) from access_log a where id = ?",
                String.class, liar), claimed.computeContentDigest(), "the row says REFUSED, its digest says OK");
        append(2);
        try {
            JsonNode verify = RegionData.getJson(region, "tj", "/api/v1/audit/verify", dpo);
            assertFalse(verify.path("valid").asBoolean(), verify.toString());
            assertEquals(liar, verify.path("firstBrokenEventId").asLong(), verify.toString());
            assertEquals("content_digest_mismatch", verify.path("problem").asString());

            Outside outside = outsideVerifier(Long.MAX_VALUE);
            assertEquals(1, outside.exit(), outside.output());
            JsonNode result = JSON.readTree(outside.output());
            assertFalse(result.path("valid").asBoolean(), outside.output());
            assertEquals(liar, result.path("firstBrokenEventId").asLong(), outside.output());
            assertEquals("content_digest_mismatch", result.path("problem").asString());
        } finally {
            // Put the log right for the other test: the lying row's digest corrected and its lane
            // re-chained from it, past the append-only trigger (as a superuser could).
            owner.execute("alter table access_log disable trigger access_log_no_update_or_delete");
            try {
                owner.execute("""
                        do $$
                        declare r access_log; previous text; l smallint;
                        begin
                            select prev_hash, lane into previous, l from access_log where id = %d;
                            for r in select * from access_log where lane = l and id >= %d order by id loop
                                r.prev_hash := previous;
                                if r.canonical_version = 2 then r.content_digest := access_log_content_digest(r); end if;
                                previous := access_log_hash(r);
                                update access_log set prev_hash = r.prev_hash, content_digest = r.content_digest,
                                    hash = previous where id = r.id;
                            end loop;
                        end $$""".formatted(liar, liar));
            } finally {
                owner.execute("alter table access_log enable trigger access_log_no_update_or_delete");
            }
        }
        JsonNode repaired = RegionData.getJson(region, "tj", "/api/v1/audit/verify", dpo);
        assertTrue(repaired.path("valid").asBoolean(), repaired.toString());
    }

    private record Outside(int exit, String output) {
    }

    /** The log exported as docs/dpo-guide.md shows, then the outside verifier run on it. */
    private Outside outsideVerifier(long upToId) throws IOException, InterruptedException, URISyntaxException {
        List<String> rows = owner.queryForList("select row_to_json(a)::text from access_log a where id <= ? order by id",
                String.class, upToId);
        Path export = dir.resolve("access-log.jsonl");
        Files.write(export, rows, StandardCharsets.UTF_8);
        Path script = Path.of(CanonicalFormsIT.class.getResource("/audit/verify_access_log.py").toURI());
        Process python = new ProcessBuilder("python3", script.toString(), export.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "the outside verifier did not finish");
        return new Outside(python.exitValue(), output);
    }
}
