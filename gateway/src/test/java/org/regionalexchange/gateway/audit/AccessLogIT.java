package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The access log on the shared region: what an exchange writes on both sides, the DPO's views,
 * the append-only guarantees of the database, and one valid chain under concurrent writers.
 */
class AccessLogIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static TestRegion region;
    private static String kzDpo;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        kzDpo = region.token("KZ-BORDER", "dpo");
    }

    @Test
    @DisplayName("KG asks KZ about a person; result: both nodes log the exchange with its detail, the KZ DPO sees it, the disclosure report names KG-SMS, verify is valid")
    void exchangeIsLoggedOnBothSidesAndReported() {
        String ref = "KZ-" + RUN + "-AUD";
        UUID recordId = RegionData.register(region, ref, "Ahmadi");
        var answer = RegionData.askFromKg(region, ref, "KG-SMS-2026-A" + RUN, "\"IDENTITY\", \"CASE_STATUS\"");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode outcome = Problems.json(answer.body());
        String requestId = outcome.path("requestId").asString();

        JsonNode page = RegionData.getJson(region, "kz", "/api/v1/audit/events?requestId=" + requestId, kzDpo);
        assertEquals(1, page.path("total").asLong(), page.toString());
        JsonNode decided = page.path("events").get(0);
        assertEquals("REQUEST_DECIDED", decided.path("action").asString());
        assertEquals(recordId.toString(), decided.path("recordId").asString());
        assertEquals("KG-SMS", decided.path("agency").asString());
        assertEquals("kg", decided.path("counterpartNode").asString());
        assertEquals("KG", decided.path("counterpartParty").asString());
        assertEquals("KZ-MIGRATION", decided.path("holderAgency").asString());
        assertEquals("RSD_CASE_PROCESSING", decided.path("purpose").asString());
        assertEquals("IDENTITY,CASE_STATUS", decided.path("categories").asString());
        assertTrue(decided.path("justification").asString().contains("KG-SMS-2026-A" + RUN));
        assertEquals(CompactJws.digest(outcome.path("evidence").path("responseJws").asString()),
                decided.path("responseDigest").asString());
        assertEquals(64, decided.path("hash").asString().length());

        String kgDpo = region.token("KG-SMS", "dpo");
        JsonNode sent = RegionData.getJson(region, "kg", "/api/v1/audit/events?requestId=" + requestId, kgDpo);
        assertEquals(List.of("RESPONSE_RECEIVED", "REQUEST_SENT"), actions(sent));
        assertEquals("kz", sent.path("events").get(0).path("counterpartNode").asString());
        assertEquals(decided.path("requestDigest"), sent.path("events").get(0).path("requestDigest"));

        JsonNode report = RegionData.getJson(region, "kz", "/api/v1/audit/records/" + recordId + "/disclosures", kzDpo);
        JsonNode disclosure = report.path("disclosures").get(0);
        assertEquals("KG-SMS", disclosure.path("recipientAgency").asString(), report.toString());
        assertEquals("KG", disclosure.path("recipientParty").asString());
        assertEquals(List.of("IDENTITY", "CASE_STATUS"), List.of(disclosure.path("categories").get(0).asString(),
                disclosure.path("categories").get(1).asString()));

        JsonNode verify = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
        assertTrue(verify.path("events").asLong() > 3);
        // The DPO's own reads are logged too.
        assertTrue(RegionData.app(region, "kz").queryForObject(
                "select count(*) from access_log where action = 'DISCLOSURES_READ' and record_id = ?", Integer.class,
                recordId) >= 1);
    }

    @Test
    @DisplayName("the canonical forms computed by the node equal the documented ones of the database functions, row by row, for rows of both versions")
    void javaAndSqlCanonicalFormsAgree() {
        RegionData.register(region, "KZ-" + RUN + "-CAN", "Nazari");
        var context = region.start("kz");
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.getBean(AccessLog.class)
                .append(new AccessEvent(Instant.now(), "инспектор." + RUN + "@kz-border", "KZ-BORDER", "kz",
                        AccessAction.RECORD_READ, null, AccessEvent.OK, List.of("no_such_record"))));
        var owner = RegionData.owner(region, "kz");
        // A row inserted without a content digest is chained as version 1, by the database alone.
        owner.update("""
                insert into access_log (occurred_at, actor, agency, node_id, action, outcome, justification)
                values (now(), 'test.owner', 'KZ-BORDER', 'kz', 'RECORD_READ', 'OK', 'ünïcode, "quotes"\nand a line')""");
        Integer differing = owner.queryForObject("""
                select count(*) from access_log a
                where a.hash <> access_log_hash(a) or a.content_digest <> access_log_content_digest(a)""",
                Integer.class);
        assertEquals(0, differing);
        Integer v1 = owner.queryForObject("""
                select count(*) from access_log a where canonical_version = 1
                    and a.hash = encode(sha256(convert_to(access_log_canonical(a), 'UTF8')), 'hex')""", Integer.class);
        Integer v2 = owner.queryForObject("""
                select count(*) from access_log a where canonical_version = 2
                    and a.content_digest = access_log_content_digest(a)
                    and a.actor = 'инспектор.' || ? || '@kz-border'""", Integer.class, RUN);
        assertTrue(v1 >= 1 && v2 == 1, "v1 " + v1 + ", v2 " + v2);
        JsonNode verify = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(verify.path("valid").asBoolean(), "the node's Java verifier agrees with the database: " + verify);
    }

    @Test
    @DisplayName("the application's role tries to change or delete a log row; result: permission denied; the owner; result: the trigger refuses")
    void logIsAppendOnly() {
        var app = RegionData.app(region, "kz");
        var owner = RegionData.owner(region, "kz");
        RegionData.register(region, "KZ-" + RUN + "-APP", "Rahmani");
        long id = app.queryForObject("select max(id) from access_log", Long.class);
        for (String sql : List.of("update access_log set outcome = 'OK' where id = " + id,
                "delete from access_log where id = " + id, "truncate access_log")) {
            DataAccessException denied = assertThrows(DataAccessException.class, () -> app.execute(sql));
            assertTrue(denied.getMostSpecificCause().getMessage().contains("permission denied"), denied.getMessage());
            DataAccessException refused = assertThrows(DataAccessException.class, () -> owner.execute(sql));
            assertTrue(refused.getMostSpecificCause().getMessage().contains("append-only"), refused.getMessage());
        }
        assertThrows(DataAccessException.class, () -> app.execute("delete from access_log_lane"));
        assertThrows(DataAccessException.class, () -> app.execute("alter table access_log disable trigger all"));
    }

    @Test
    @DisplayName("8 writers append 400 events at once; result: every event is in a lane, the lanes were used side by side, every lane valid")
    void concurrentWritersKeepOneChain() throws Exception {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        var app = RegionData.app(region, "kz");
        long before = app.queryForObject("select max(id) from access_log", Long.class);
        int writers = 8;
        int each = 50;
        timed(writers, each, () -> transactions.executeWithoutResult(status -> log.append(new AccessEvent(
                Instant.now(), "test.concurrency", "KZ-MIGRATION", "kz", AccessAction.RECORD_READ, UUID.randomUUID(),
                AccessEvent.OK, List.of()))));
        List<Long> ids = app.queryForList("select id from access_log where id > ? and actor = 'test.concurrency'"
                + " order by id", Long.class, before);
        assertEquals(writers * each, ids.size());
        assertTrue(app.queryForObject("select count(distinct lane) from access_log where id > ?"
                + " and actor = 'test.concurrency'", Integer.class, before) > 1, "concurrent appends share lanes");
        JsonNode verify = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
        assertEquals(app.queryForObject("select count(*) from access_log", Long.class) - 1, verify.path("events").asLong(),
                "every row is in the chain (the verify call's own event comes after)");
        // The append rate is measured side by side with plain inserts by bench/access-log-append (P4).
    }

    @Test
    @DisplayName("12 writers append at once, 1 to 3 rows per transaction, some rolled back; result: no lane forks (no two rows share a previous hash), each row follows its lane's previous row, the heads are the lanes' newest rows, verify valid")
    void concurrentAppendersNeverForkALane() throws Exception {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        var app = RegionData.app(region, "kz");
        String actor = "test.fork." + RUN.toLowerCase();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        timed(12, 40, () -> transactions.executeWithoutResult(status -> {
            int i = n.incrementAndGet();
            for (int row = 0; row <= i % 3; row++) {
                log.append(new AccessEvent(Instant.now(), actor, "KZ-MIGRATION", "kz", AccessAction.RECORD_READ,
                        UUID.randomUUID(), AccessEvent.OK, List.of()));
            }
            if (i % 7 == 0) {
                status.setRollbackOnly();
            }
        }));
        assertTrue(app.queryForObject("select count(distinct lane) from access_log where actor = ?", Integer.class,
                actor) > 1, "concurrent appends used several lanes");
        assertEquals(0, app.queryForObject("select count(*) from (select lane, prev_hash from access_log"
                + " group by lane, prev_hash having count(*) > 1) forks", Integer.class), "a lane forked");
        assertEquals(0, app.queryForObject("""
                select count(*) from (select prev_hash, lag(hash) over (partition by lane order by id) as previous
                    from access_log) a where a.previous is not null and a.prev_hash <> a.previous""", Integer.class),
                "a row does not follow its lane's previous row");
        assertEquals(0, app.queryForObject("""
                select count(*) from access_log_lane l where l.last_id <> coalesce((select max(id) from access_log a
                    where a.lane = l.lane), 0)""", Integer.class), "a head is not its lane's newest row");
        JsonNode verify = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
    }

    @Test
    @DisplayName("an append in a REPEATABLE READ transaction, whose snapshot may miss a lane's last row; result: refused, nothing appended")
    void appendOutsideReadCommittedIsRefused() {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        TransactionTemplate repeatable = new TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        repeatable.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        String actor = "test.repeatable." + RUN.toLowerCase();
        assertThrows(AuditUnavailableException.class, () -> repeatable.executeWithoutResult(status -> log.append(
                new AccessEvent(Instant.now(), actor, "KZ-MIGRATION", "kz", AccessAction.RECORD_READ,
                        UUID.randomUUID(), AccessEvent.OK, List.of()))));
        assertEquals(0, RegionData.app(region, "kz").queryForObject("select count(*) from access_log where actor = ?",
                Integer.class, actor));
    }

    @Test
    @DisplayName("an append outside any transaction, alone or with a write; result: refused before anything is written")
    void appendOutsideATransactionIsRefused() {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        String actor = "test.no-transaction." + RUN.toLowerCase();
        AccessEvent event = new AccessEvent(Instant.now(), actor, "KZ-MIGRATION", "kz", AccessAction.RECORD_READ,
                UUID.randomUUID(), AccessEvent.OK, List.of());
        assertThrows(org.springframework.transaction.IllegalTransactionStateException.class, () -> log.append(event));
        assertThrows(org.springframework.transaction.IllegalTransactionStateException.class,
                () -> log.appendWith(event, new AccessLog.Write("select ?", actor)));
        assertEquals(0, RegionData.app(region, "kz").queryForObject("select count(*) from access_log where actor = ?",
                Integer.class, actor));
    }

    @Test
    @DisplayName("a transaction appends and rolls back; result: neither the row nor its lane's head remains, the lanes verify")
    void rolledBackAppendLeavesNoTrace() {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        var app = RegionData.app(region, "kz");
        var inside = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String actor = "test.rollback." + RUN.toLowerCase();
        transactions.executeWithoutResult(status -> {
            log.append(new AccessEvent(Instant.now(), actor, "KZ-MIGRATION", "kz", AccessAction.RECORD_READ,
                    UUID.randomUUID(), AccessEvent.OK, List.of()));
            assertEquals(1, inside.sql("select count(*) from access_log where actor = ?").param(actor)
                    .query(Integer.class).single(), "the row is there inside the transaction");
            status.setRollbackOnly();
        });
        assertEquals(0, app.queryForObject("select count(*) from access_log where actor = ?", Integer.class, actor));
        assertEquals(0, app.queryForObject("select count(*) from access_log_lane l where l.last_id <> 0 and not exists"
                + " (select 1 from access_log a where a.id = l.last_id and a.hash = l.last_hash)", Integer.class));
        JsonNode verify = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
    }

    @Test
    @DisplayName("the DPO signs a checkpoint; result: a JWS of type gateway-checkpoint+jwt by the node's key over the verified head")
    void checkpointIsSignedOverTheHead() {
        var response = Http.post(region.uri("kz", "/api/v1/audit/checkpoints"), kzDpo, null, new byte[0]);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Problems.json(response.body());
        CompactJws jws = CompactJws.parse(body.path("checkpoint").asString());
        assertEquals("gateway-checkpoint+jwt", jws.header().path("typ").asString());
        assertEquals(body.path("keyId").asString(), jws.header().path("kid").asString());
        assertEquals("kz", jws.payload().path("nodeId").asString());
        assertEquals(64, jws.payload().path("headHash").asString().length());
        assertNotNull(jws.payload().get("headEventId"));
        assertEquals(ChainVerifier.LANES, jws.payload().path("lanes").size());
        List<ChainVerifier.LaneHead> lanes = new ArrayList<>();
        jws.payload().path("lanes").forEach(l -> lanes.add(new ChainVerifier.LaneHead(l.path("lane").asInt(),
                l.path("lastEventId").asLong(), l.path("lastHash").asString(), l.path("events").asLong())));
        assertEquals(ChainVerifier.headsHash(lanes), jws.payload().path("headHash").asString(),
                "the head hash stands for the lanes' heads listed in the checkpoint");
        var trusted = new org.regionalexchange.gateway.signing.TrustedKeys(region.start("kz")
                .getBean(org.regionalexchange.gateway.directory.ParticipantRegistry.class));
        assertEquals("kz", org.regionalexchange.gateway.signing.EnvelopeVerifier
                .verifySignatureOnly(body.path("checkpoint").asString(), trusted).payload().path("iss").asString());
    }

    @Test
    @DisplayName("one justification for many subjects, many NOT_AVAILABLE answers and a burst; result: each is an alert")
    void fishingPatternsAreAlerts() {
        var context = region.start("kz");
        AccessLog log = context.getBean(AccessLog.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        String fingerprint = "f".repeat(56) + RUN.toLowerCase();
        String actor = "test.fisher." + RUN.toLowerCase();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                log.append(decided(actor + ".reuse", UUID.randomUUID(), "RELEASED", fingerprint));
            }
            for (int i = 0; i < 5; i++) {
                log.append(decided(actor, null, "NOT_AVAILABLE", "e".repeat(64)));
            }
            for (int i = 0; i < 20; i++) {
                log.append(decided(actor + ".burst", UUID.randomUUID(), "RELEASED", null));
            }
        });
        JsonNode alerts = RegionData.getJson(region, "kz", "/api/v1/audit/alerts", kzDpo).path("alerts");
        List<String> found = new ArrayList<>();
        alerts.forEach(a -> found.add(a.path("type").asString() + " " + a.path("actor").asString("")
                + a.path("justificationFingerprint").asString("")));
        assertTrue(found.contains("JUSTIFICATION_REUSED " + fingerprint), found.toString());
        assertTrue(found.contains("MANY_NOT_AVAILABLE " + actor), found.toString());
        assertTrue(found.contains("BURST " + actor + ".burst"), found.toString());
        assertFalse(found.contains("BURST " + actor + ".reuse"), found.toString());
    }

    @Test
    @DisplayName("the DPO filters badly or asks too much; result: 400 invalid_parameter naming each parameter")
    void badParametersAreNamed() {
        var response = Http.get(region.uri("kz", "/api/v1/audit/events?recordId=x&from=yesterday&size=100000"
                + "&action=NOPE&recordid=1"), kzDpo);
        JsonNode problem = assertProblem(response, 400, "invalid_parameter");
        assertEquals(List.of("recordid", "recordId", "action", "from", "size"), Problems.fields(problem));
    }

    @Test
    @DisplayName("the DPO exports events as CSV; result: text/csv with a header and the record's events, fields escaped")
    void csvExport() {
        UUID recordId = RegionData.register(region, "KZ-" + RUN + "-CSV", "Sultani");
        var response = Http.get(region.uri("kz", "/api/v1/audit/events.csv?recordId=" + recordId), kzDpo);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = response.body().split("\r\n");
        assertTrue(lines[0].startsWith("id,occurred_at,node_id,actor"), lines[0]);
        assertEquals(3, lines.length, response.body());
        assertTrue(lines[1].contains(",RECORD_CREATED," + recordId + ","), lines[1]);
        assertTrue(lines[2].contains(",AUDIT_EXPORTED," + recordId + ","), "the export itself is logged first: " + lines[2]);
        assertEquals("\"a,\"\"b\"\"\"", Csv.field("a,\"b\""));
        assertEquals("'=cmd()", Csv.field("=cmd()"));
    }

    private static AccessEvent decided(String actor, UUID recordId, String outcome, String fingerprint) {
        return new AccessEvent(Instant.now(), actor, "KG-SMS", "kz", AccessAction.REQUEST_DECIDED, recordId, outcome,
                List.of(), new ExchangeDetail(UUID.randomUUID(), "kg", "KG", "KZ-MIGRATION", "RSD_CASE_PROCESSING",
                        List.of(), "a test justification", fingerprint, null, null));
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("events").forEach(e -> actions.add(e.path("action").asString()));
        return actions;
    }

    private static long timed(int writers, int each, Runnable append) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        append.run();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            pool.shutdown();
        }
    }
}
