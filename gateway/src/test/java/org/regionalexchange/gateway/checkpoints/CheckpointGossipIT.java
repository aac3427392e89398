package org.regionalexchange.gateway.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.SigningKey;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence a database superuser cannot quietly rewrite, over real nodes kz and kg of a region of
 * their own (the last test rewrites kz's log for good). The DPO keeps a signed checkpoint, the
 * nodes gossip theirs, and a superuser rewrites a row of kz's log and re-chains every hash after
 * it, so that kz's own verify passes; result: the DPO's earlier checkpoint and kg's copy both show
 * the rewrite, at the lane and event where it happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointGossipIT {

    private static TestRegion region;
    private static String kzDpo;
    private static String kgDpo;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        region.start("kz");
        region.start("kg");
        kzDpo = region.token("KZ-MIGRATION", "dpo");
        kgDpo = region.token("KG-SMS", "dpo");
        append("kz", "KZ-MIGRATION", 6);
        append("kg", "KG-SMS", 6);
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @Order(1)
    @DisplayName("kg's log only grows while kz gossips with it; result: kg's earlier checkpoint still verifies, every round is consistent and kept append-only, no alert, and kz's copy of kg's checkpoint extends kg's log")
    void appendOnlyHistoryKeepsVerifying() {
        JsonNode exported = export("kg", kgDpo);
        PeerRound first = round("kz", "kg");
        assertEquals(PeerRound.Outcome.CONSISTENT, first.outcome(), () -> summary(first));
        append("kg", "KG-SMS", 5);
        PeerRound second = round("kz", "kg");
        assertEquals(PeerRound.Outcome.CONSISTENT, second.outcome(), () -> summary(second));
        assertTrue(second.received().headEventId() > first.received().headEventId(), "kg's log grew between rounds");
        assertEquals(2, RegionData.app(region, "kz").queryForObject(
                "select count(*) from peer_checkpoint where peer_node = 'kg' and consistent", Integer.class));
        for (String sql : List.of("update peer_checkpoint set consistent = false", "delete from peer_checkpoint",
                "truncate peer_checkpoint")) {
            var denied = assertThrows(DataAccessException.class, () -> RegionData.app(region, "kz").execute(sql));
            assertTrue(denied.getMostSpecificCause().getMessage().contains("permission denied"), denied.getMessage());
            var refused = assertThrows(DataAccessException.class, () -> RegionData.owner(region, "kz").execute(sql));
            assertTrue(refused.getMostSpecificCause().getMessage().contains("append-only"), refused.getMessage());
        }

        JsonNode check = verify("kg", kgDpo, exported.toString());
        assertTrue(check.path("signatureValid").asBoolean(), check.toString());
        assertTrue(check.path("extendsCheckpoint").asBoolean(), check.toString());
        assertTrue(check.path("chainValid").asBoolean(), check.toString());
        assertTrue(check.path("firstBreak").isMissingNode(), check.toString());
        assertEquals(exported.path("headEventId").asLong(), check.path("headEventId").asLong());

        JsonNode alerts = RegionData.getJson(region, "kz", "/api/v1/audit/alerts", kzDpo);
        assertFalse(alerts.path("alerts").toString().contains(PeerCheckpoints.ALERT), alerts.toString());

        JsonNode peers = RegionData.getJson(region, "kg", "/api/v1/audit/checkpoints/peers", kgDpo);
        JsonNode kz = peer(peers, "kz");
        assertEquals("CONSISTENT", kz.path("round").asString(), peers.toString());
        assertEquals(second.received().headEventId(), kz.path("heldHeadEventId").asLong(),
                "kz holds the checkpoint of kg received at the last round: " + peers);
        assertTrue(kz.path("extendsCheckpoint").asBoolean(), peers.toString());
        assertEquals("UNREACHABLE", peer(peers, "tj").path("round").asString(), "tj is not running: " + peers);
    }

    @Test
    @Order(2)
    @DisplayName("an unsigned, an altered, a forged, an unknown-key, another node's and a misquoted checkpoint are sent to verify; result: a problem with a stable code for each, and a peer's query naming another node's checkpoint is refused")
    void badCheckpointsAreRefused() {
        JsonNode exported = export("kz", kzDpo);
        String jws = exported.path("checkpoint").asString();
        String[] parts = jws.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode claims = (ObjectNode) CompactJws.parse(jws).payload();

        String unsigned = base64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + exported.path("keyId").asString()
                + "\",\"typ\":\"gateway-checkpoint+jwt\"}").getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertProblem(verifyRaw("kz", kzDpo, body(unsigned)), 400, "checkpoint_malformed");

        ObjectNode altered = claims.deepCopy();
        // A head changed to a value no lane has (zeros would be no change for a lane still empty).
        ((ObjectNode) altered.path("lanes").get(0)).put("lastHash", "1".repeat(64));
        String alteredJws = parts[0] + "." + base64.encodeToString(altered.toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertProblem(verifyRaw("kz", kzDpo, body(alteredJws)), 422, "checkpoint_bad_signature");

        EnvelopeSigner forger = new EnvelopeSigner("kz", new SigningKey(exported.path("keyId").asString(),
                PemKeys.generateEd25519().getPrivate()));
        String forged = forger.sign(CheckpointMessages.CHECKPOINT, "kz", payloadOnly(claims), Instant.now());
        assertProblem(verifyRaw("kz", kzDpo, body(forged)), 422, "checkpoint_bad_signature");

        EnvelopeSigner stranger = new EnvelopeSigner("kz", new SigningKey("kz-not-in-the-registry",
                PemKeys.generateEd25519().getPrivate()));
        String unknown = stranger.sign(CheckpointMessages.CHECKPOINT, "kz", payloadOnly(claims), Instant.now());
        assertProblem(verifyRaw("kz", kzDpo, body(unknown)), 422, "checkpoint_unknown_key");

        JsonNode ofKg = export("kg", kgDpo);
        assertProblem(verifyRaw("kz", kzDpo, ofKg.toString()), 422, "checkpoint_of_other_node");

        ObjectNode misquoted = ((ObjectNode) exported).deepCopy().put("headEventId", exported.path("headEventId").asLong() + 1);
        JsonNode problem = assertProblem(verifyRaw("kz", kzDpo, misquoted.toString()), 400, "checkpoint_malformed");
        assertEquals(List.of("headEventId"), Problems.fields(problem));
        assertProblem(verifyRaw("kz", kzDpo, "{ \"headEventId\": 3 }"), 400, "schema_violation");

        // kg asks kz, naming its own checkpoint as the one of kz it holds.
        ObjectNode query = ((ObjectNode) claims.deepCopy()).removeAll();
        query.put("held", ofKg.path("checkpoint").asString());
        String envelope = region.start("kg").getBean(EnvelopeSigner.class).sign(CheckpointMessages.QUERY, "kz", query,
                Instant.now());
        assertProblem(Http.post(region.uri("kz", "/exchange/v1/checkpoints"), null, "application/jose",
                envelope.getBytes(StandardCharsets.US_ASCII)), 422, "checkpoint_of_other_node");
        assertProblem(Http.post(region.uri("kz", "/exchange/v1/checkpoints"), null, "application/jose",
                unsigned.getBytes(StandardCharsets.US_ASCII)), 400, "envelope_malformed");
    }

    @Test
    @Order(3)
    @DisplayName("a superuser rewrites who read a record in kz's log and re-chains the hashes, so that kz's verify passes; result: the DPO's earlier checkpoint reports the lane and event, kg detects it at its next round and alerts its DPO, round after round, and kz's DPO sees that kg's copy is no longer extended")
    void aQuietRewriteIsFound() {
        JsonNode exported = export("kz", kzDpo);
        PeerRound before = round("kg", "kz");
        assertEquals(PeerRound.Outcome.CONSISTENT, before.outcome(), () -> summary(before));

        var owner = RegionData.owner(region, "kz");
        long target = owner.queryForObject("select min(id) from access_log where actor = 'test.registrar@kz-migration'",
                Long.class);
        int lane = owner.queryForObject("select lane from access_log where id = ?", Integer.class, target);
        long checkpointHead = exported.path("lanes").get(lane).path("lastEventId").asLong();
        long gossipedHead = before.received().lanes().get(lane).lastEventId();
        assertTrue(target <= checkpointHead && target <= gossipedHead, "the rewritten row is covered by both");

        owner.execute("alter table access_log disable trigger access_log_no_update_or_delete");
        try {
            owner.update("update access_log set actor = 'someone.else@kz-migration' where id = ?", target);
            owner.execute("""
                    do $$
                    declare r access_log; previous text;
                    begin
                        select prev_hash into previous from access_log where id = %d;
                        for r in select * from access_log where lane = %d and id >= %d order by id loop
                            r.prev_hash := previous;
                            if r.canonical_version = 2 then
                                r.content_digest := access_log_content_digest(r);
                            end if;
                            previous := access_log_hash(r);
                            update access_log set prev_hash = r.prev_hash, content_digest = r.content_digest,
                                hash = previous where id = r.id;
                        end loop;
                    end $$""".formatted(target, lane, target, lane));
        } finally {
            owner.execute("alter table access_log enable trigger access_log_no_update_or_delete");
        }

        JsonNode chain = RegionData.getJson(region, "kz", "/api/v1/audit/verify", kzDpo);
        assertTrue(chain.path("valid").asBoolean(), "the re-chained log passes verify on its own: " + chain);

        JsonNode check = verify("kz", kzDpo, exported.toString());
        assertTrue(check.path("signatureValid").asBoolean(), check.toString());
        assertTrue(check.path("chainValid").asBoolean(), check.toString());
        assertFalse(check.path("extendsCheckpoint").asBoolean(), check.toString());
        assertEquals(lane, check.path("firstBreak").path("lane").asInt(), check.toString());
        assertEquals(checkpointHead, check.path("firstBreak").path("eventId").asLong(), check.toString());
        assertEquals("event_changed", check.path("firstBreak").path("problem").asString(), check.toString());

        PeerRound detected = round("kg", "kz");
        assertEquals(PeerRound.Outcome.INCONSISTENT, detected.outcome(), () -> summary(detected));
        assertEquals(new FirstBreak(lane, gossipedHead, "event_changed"), detected.firstBreak());
        JsonNode alert = peerAlert();
        assertEquals(lane, alert.path("lane").asInt(), alert.toString());
        assertEquals(gossipedHead, alert.path("eventId").asLong(), alert.toString());
        assertEquals("event_changed", alert.path("problem").asString(), alert.toString());
        assertEquals(1, alert.path("count").asLong(), alert.toString());

        assertEquals(PeerRound.Outcome.INCONSISTENT, round("kg", "kz").outcome(), "the rewrite stays found");
        assertEquals(2, peerAlert().path("count").asLong());

        JsonNode peers = RegionData.getJson(region, "kz", "/api/v1/audit/checkpoints/peers", kzDpo);
        JsonNode kg = peer(peers, "kg");
        assertEquals(before.received().headEventId(), kg.path("heldHeadEventId").asLong(), peers.toString());
        assertFalse(kg.path("extendsCheckpoint").asBoolean(), peers.toString());
        assertEquals(lane, kg.path("firstBreak").path("lane").asInt(), peers.toString());
        assertEquals("event_changed", kg.path("firstBreak").path("problem").asString(), peers.toString());

        assertEquals(1, RegionData.app(region, "kz").queryForObject("""
                select count(*) from access_log where action = 'CHECKPOINT_VERIFIED' and outcome = 'BROKEN'
                  and reason_codes = 'event_changed'""", Integer.class), "the DPO's check is itself logged");
    }

    // --- helpers ---------------------------------------------------------------------------

    /** {@code n} reads of records by a registrar of {@code agency}, appended in one transaction. */
    private static void append(String node, String agency, int n) {
        var context = region.start(node);
        AccessLog log = context.getBean(AccessLog.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (int i = 0; i < n; i++) {
                log.append(new AccessEvent(Instant.now(), "test.registrar@" + agency.toLowerCase(), agency, node,
                        AccessAction.RECORD_READ, UUID.randomUUID(), AccessEvent.OK, List.of()));
            }
        });
    }

    /** A round in a line: outcome, break, and the head of the checkpoint received. */
    private static String summary(PeerRound round) {
        return round.peer() + " " + round.outcome() + " " + round.firstBreak() + " received head "
                + (round.received() == null ? null : round.received().headEventId());
    }

    /** One gossip round of node {@code at}; what it found about {@code peer}. */
    private static PeerRound round(String at, String peer) {
        return region.start(at).getBean(CheckpointGossip.class).round().stream()
                .filter(r -> r.peer().equals(peer)).findFirst().orElseThrow();
    }

    private static JsonNode export(String node, String dpo) {
        var response = Http.post(region.uri(node, "/api/v1/audit/checkpoints"), dpo, null, new byte[0]);
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static java.net.http.HttpResponse<String> verifyRaw(String node, String dpo, String body) {
        return Http.postJson(region.uri(node, "/api/v1/audit/checkpoints/verify"), dpo, body);
    }

    private static JsonNode verify(String node, String dpo, String body) {
        var response = verifyRaw(node, dpo, body);
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static String body(String jws) {
        return "{ \"checkpoint\": \"" + jws + "\" }";
    }

    /** The claims without the envelope's own ({@code iss}, {@code aud}, {@code iat}, {@code jti}: the signer sets them). */
    private static ObjectNode payloadOnly(ObjectNode claims) {
        ObjectNode copy = claims.deepCopy();
        copy.remove(List.of("iss", "aud", "iat", "jti"));
        return copy;
    }

    private static JsonNode peer(JsonNode peers, String id) {
        for (JsonNode peer : peers.path("peers")) {
            if (peer.path("peer").asString().equals(id)) {
                return peer;
            }
        }
        throw new AssertionError("no peer " + id + " in " + peers);
    }

    private static JsonNode peerAlert() {
        JsonNode alerts = RegionData.getJson(region, "kg", "/api/v1/audit/alerts", kgDpo);
        for (JsonNode alert : alerts.path("alerts")) {
            if (alert.path("type").asString().equals(PeerCheckpoints.ALERT)) {
                assertEquals("kz", alert.path("peerNode").asString(), alerts.toString());
                return alert;
            }
        }
        throw new AssertionError("no peer alert at kg: " + alerts);
    }
}
