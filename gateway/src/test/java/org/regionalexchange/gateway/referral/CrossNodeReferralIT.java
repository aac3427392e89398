package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referrals between nodes on real nodes (docs/design.md §11, docs/referrals.md "Across nodes"):
 * signed envelopes over real HTTP, the receiver's own check of the hard rules, delivery after the
 * receiver was down (exactly once), the lifecycle in both directions, and consent withdrawal.
 */
class CrossNodeReferralIT {

    private static final String CONSENT = """
            { "givenBy": "SUBJECT", "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "slip-0077" }""";

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.create();
        // Short pauses between attempts so that the test of a node that was down does not wait minutes.
        region.start("kz", "--gateway.referral.delivery.initial-backoff=200ms",
                "--gateway.referral.delivery.max-backoff=2s");
        region.start("kg");
        region.start("tj");
    }

    @AfterAll
    static void stopRegion() {
        region.close();
    }

    @Test
    @DisplayName("KZ-BORDER refers an asylum seeker to KG-SMS: delivered signed, acknowledged, accepted, completed; both nodes show the same status and history")
    void lifecycleAcrossNodes() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Karimi")));
        JsonNode sent = created(refer(screening, "KG-SMS", "ASYLUM_PROCEDURE", "[\"IDENTITY\", \"SCREENING\"]"));
        String id = sent.path("id").asString();
        assertEquals("SENT", sent.path("status").asString());
        assertTrue(sent.has("delivery"), "the sender sees the delivery: " + sent);

        JsonNode delivered = await("kz", id, screener(), r -> "DELIVERED".equals(r.path("delivery").path("state").asString()));
        assertTrue(delivered.path("delivery").path("attempts").asInt() >= 1, delivered::toString);
        String receiver = region.token("KG-SMS", "registrar");
        JsonNode seen = ok(Http.get(region.uri("kg", "/api/v1/referrals/" + id), receiver));
        assertEquals("kz", seen.path("fromNode").asString());
        assertEquals("Karimi", seen.path("data").path("identity").path("familyName").asString(), seen::toString);
        assertEquals("PERSECUTION", seen.path("data").path("screening").path("answers").path("reasonsForLeaving").get(0)
                .asString());
        assertFalse(seen.has("screeningId"), "the sender's screening id never travels");
        assertEquals("SENT", seen.path("status").asString());

        step("kg", id, "acknowledgement", receiver, "{}");
        step("kg", id, "acceptance", receiver, "{}");
        step("kg", id, "completion", receiver, "{ \"successful\": true }");
        JsonNode atSender = await("kz", id, screener(), r -> "COMPLETED".equals(r.path("status").asString()));
        JsonNode atReceiver = ok(Http.get(region.uri("kg", "/api/v1/referrals/" + id), receiver));
        List<String> expected = List.of("SENT@KZ-BORDER", "RECEIVED@KG-SMS", "ACCEPTED@KG-SMS", "COMPLETED@KG-SMS");
        assertEquals(expected, history(atSender));
        assertEquals(expected, history(atReceiver));
        assertEquals(atSender.path("history"), atReceiver.path("history"), "the same history, times and actors too");

        // Evidence on both sides: the sender keeps the envelope and the receiver's receipt; the receiver the envelope.
        String envelope = RegionData.app(region, "kz").queryForObject("select envelope from referral_outbox where"
                + " referral_id = ?::uuid and kind = 'REFERRAL' and state = 'DELIVERED' and receipt is not null",
                String.class, id);
        assertEquals(1, RegionData.app(region, "kg").queryForObject("select count(*) from referral_inbox where"
                + " referral_id = ?::uuid and kind = 'REFERRAL' and envelope = ?", Integer.class, id, envelope));
        assertEquals(3, RegionData.app(region, "kz").queryForObject("select count(*) from referral_inbox where"
                + " referral_id = ?::uuid and kind = 'STEP' and sender_node = 'kg'", Integer.class, id));
        List<String> kzLog = log("kz", id);
        assertEquals("REFERRAL_SENT:KZ-BORDER:basis_consent", kzLog.get(0), kzLog::toString);
        assertTrue(kzLog.contains("REFERRAL_DELIVERED:KZ-BORDER:referral,stored"), kzLog::toString);
        assertTrue(kzLog.contains("REFERRAL_STATUS_CHANGED:KZ-BORDER:completed,from_other_node"), kzLog::toString);
        List<String> kgLog = log("kg", id);
        assertEquals("REFERRAL_RECEIVED_FROM_NODE:KG-SMS:basis_consent", kgLog.get(0), kgLog::toString);
        assertTrue(kgLog.contains("REFERRAL_STATUS_CHANGED:KG-SMS:completed"), kgLog::toString);
        assertTrue(kgLog.contains("REFERRAL_DELIVERED:KG-SMS:step,stored"), kgLog::toString);
        assertTrue(kgLog.contains("REFERRAL_READ:KG-SMS:receiver"), kgLog::toString);
    }

    @Test
    @DisplayName("the receiving node is down: the referral is kept, retried with back-off, and delivered exactly once when the node is back")
    void deliveredOnceAfterReceiverWasDown() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Hakimi")));
        region.stop("kg");
        String id;
        try {
            id = created(refer(screening, "KG-SMS", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]")).path("id").asString();
            JsonNode waiting = await("kz", id, screener(), r -> r.path("delivery").path("attempts").asInt() >= 2);
            assertEquals("PENDING", waiting.path("delivery").path("state").asString(), waiting::toString);
            assertEquals("SENT", waiting.path("status").asString());
            assertEquals("node_unreachable", waiting.path("delivery").path("lastError").asString());
        } finally {
            region.start("kg");
        }
        JsonNode delivered = await("kz", id, screener(), r -> "DELIVERED".equals(r.path("delivery").path("state").asString()));
        assertTrue(delivered.path("delivery").path("attempts").asInt() >= 3, delivered::toString);
        assertEquals(1, RegionData.app(region, "kg").queryForObject("select count(*) from referral where id = ?::uuid",
                Integer.class, id));

        // The same message again in a new envelope (as after a lost receipt): acknowledged, stored nowhere twice.
        String message = RegionData.app(region, "kz").queryForObject("select message::text from referral_outbox where"
                + " referral_id = ?::uuid and kind = 'REFERRAL'", String.class, id);
        String again = kzSigner().sign("referral+jwt", "kg", (ObjectNode) Problems.json(message), Instant.now());
        HttpResponse<String> receipt = postEnvelope("kg", "/exchange/v1/referrals", again);
        assertEquals(200, receipt.statusCode(), receipt.body());
        JsonNode claims = CompactJws.parse(receipt.body().trim()).payload();
        assertEquals("ALREADY_RECEIVED", claims.path("outcome").asString());
        assertEquals(CompactJws.digest(again), claims.path("envelopeDigest").asString(), "bound to this envelope");
        assertEquals(1, RegionData.app(region, "kg").queryForObject("select count(*) from referral where id = ?::uuid",
                Integer.class, id));
        assertEquals(1, RegionData.app(region, "kg").queryForObject("select count(*) from referral_step where"
                + " referral_id = ?::uuid", Integer.class, id));
    }

    @Test
    @DisplayName("envelopes to the receiving node: a replayed one, one for another audience and a tampered one are refused; nothing is stored")
    void envelopesAreChecked() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Sadiqi")));
        String id = created(refer(screening, "KG-SMS", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]")).path("id").asString();
        await("kz", id, screener(), r -> "DELIVERED".equals(r.path("delivery").path("state").asString()));
        String delivered = RegionData.app(region, "kz").queryForObject("select envelope from referral_outbox where"
                + " referral_id = ?::uuid and kind = 'REFERRAL'", String.class, id);
        int inbox = count("kg", "referral_inbox");
        assertProblem(postEnvelope("kg", "/exchange/v1/referrals", delivered), 409, "envelope_replayed");

        ObjectNode message = (ObjectNode) Problems.json(RegionData.app(region, "kz").queryForObject(
                "select message::text from referral_outbox where referral_id = ?::uuid", String.class, id));
        message.put("messageId", UUID.randomUUID().toString());
        message.put("referralId", UUID.randomUUID().toString());
        assertProblem(postEnvelope("kg", "/exchange/v1/referrals", kzSigner().sign("referral+jwt", "tj", message,
                Instant.now())), 401, "envelope_wrong_audience");
        String good = kzSigner().sign("referral+jwt", "kg", message, Instant.now());
        assertProblem(postEnvelope("kg", "/exchange/v1/referrals", tamperPayload(good)), 401, "envelope_bad_signature");
        assertProblem(postEnvelope("kg", "/exchange/v1/referrals", kzSigner().sign("referral-step+jwt", "kg", message,
                Instant.now())), 400, "envelope_wrong_type");
        // A step bound to another referral than its path.
        assertProblem(postEnvelope("kg", "/exchange/v1/referrals/" + UUID.randomUUID() + "/steps",
                kzSigner().sign("referral-step+jwt", "kg", (ObjectNode) Problems.json("""
                        { "messageId": "%s", "referralId": "%s", "status": "REVOKED", "at": "2026-12-01T10:00:00Z",
                          "actor": "x", "agency": "KZ-BORDER", "reason": "r" }""".formatted(UUID.randomUUID(), id)),
                        Instant.now())), 400, "invalid_value");
        assertEquals(inbox, count("kg", "referral_inbox"), "nothing refused was stored");
        assertEquals("SENT", ok(Http.get(region.uri("kg", "/api/v1/referrals/" + id), region.token("KG-SMS",
                "registrar"))).path("status").asString());
        List<String> kgRefusals = RegionData.app(region, "kg").queryForList("select reason_codes from access_log where"
                + " action = 'ENVELOPE_REFUSED' order by id", String.class);
        assertTrue(kgRefusals.containsAll(List.of("envelope_replayed", "envelope_wrong_audience",
                "envelope_bad_signature")), kgRefusals::toString);
    }

    @Test
    @DisplayName("a record's consent withdrawn revokes its referral to UNHCR-KG: the receiver sees REVOKED and nothing more of the person")
    void consentWithdrawalRevokes() {
        UUID record = RegionData.register(region, "KZ-XREF-" + UUID.randomUUID().toString().substring(0, 8), "Nazari");
        UUID consent = RegionData.consent(region, record, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL",
                "\"IDENTITY\", \"CASE_STATUS\"", "2026-01-01", "2027-12-31");
        String registrar = region.token("KZ-MIGRATION", "registrar");
        String id = created(Http.postJson(region.uri("kz", "/api/v1/referrals"), registrar, """
                { "recordId": "%s", "toAgency": "UNHCR-KG", "type": "UNHCR", "categories": ["IDENTITY", "CASE_STATUS"],
                  "consent": %s }""".formatted(record, CONSENT))).path("id").asString();
        String unhcr = region.token("UNHCR-KG", "registrar");
        await("kz", id, registrar, r -> "DELIVERED".equals(r.path("delivery").path("state").asString()));
        assertEquals("Nazari", ok(Http.get(region.uri("kg", "/api/v1/referrals/" + id), unhcr)).path("data")
                .path("identity").path("familyName").asString());
        step("kg", id, "acknowledgement", unhcr, "{}");
        await("kz", id, registrar, r -> "RECEIVED".equals(r.path("status").asString()));

        HttpResponse<String> withdrawn = Http.postJson(region.uri("kz", "/api/v1/records/" + record + "/consents/"
                + consent + "/withdrawal"), registrar, "{ \"reason\": \"The person withdrew consent.\" }");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("REVOKED", ok(Http.get(region.uri("kz", "/api/v1/referrals/" + id), registrar)).path("status")
                .asString(), "revoked at the sender in the withdrawing transaction");
        JsonNode atReceiver = await("kg", id, unhcr, r -> "REVOKED".equals(r.path("status").asString()));
        assertFalse(atReceiver.has("data"), "nothing of the person after revocation: " + atReceiver);
        assertEquals(List.of("SENT@KZ-MIGRATION", "RECEIVED@UNHCR-KG", "REVOKED@KZ-MIGRATION"), history(atReceiver));
        assertProblem(Http.postJson(region.uri("kg", "/api/v1/referrals/" + id + "/acceptance"), unhcr, "{}"), 409,
                "conflict");
        assertTrue(log("kz", id).contains("REFERRAL_STATUS_CHANGED:KZ-MIGRATION:revoked,consent_withdrawn"));

        // The DPO's disclosure report lists the referral: recipient agency and node, categories, basis.
        JsonNode disclosure = referralDisclosure(record, id);
        assertEquals("UNHCR-KG", disclosure.path("recipientAgency").asString(), disclosure::toString);
        assertEquals("kg", disclosure.path("recipientNode").asString());
        assertEquals("UNHCR", disclosure.path("recipientParty").asString());
        assertEquals("CONSENT", disclosure.path("basis").asString());
        assertEquals("[\"IDENTITY\",\"CASE_STATUS\"]", disclosure.path("categories").toString());
    }

    @Test
    @DisplayName("KZ-BORDER lists its sent referrals; result: each carries its own delivery, read for the whole page at once - the two to KG-SMS arrived, the one to KZ-MIGRATION (same node) has none")
    void sentListCarriesEachDelivery() {
        List<String> acrossNodes = new ArrayList<>();
        for (String family : List.of("Nazari", "Hakimi")) {
            UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                    ScreeningData.adultAsylumSeeker(family)));
            acrossNodes.add(created(refer(screening, "KG-SMS", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]")).path("id").asString());
        }
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Sharifi")));
        String sameNode = created(refer(screening, "KZ-MIGRATION", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]")).path("id")
                .asString();
        acrossNodes.forEach(id -> await("kz", id, screener(),
                r -> "DELIVERED".equals(r.path("delivery").path("state").asString())));

        JsonNode list = ok(Http.get(region.uri("kz", "/api/v1/referrals?direction=outgoing&size=100"), screener()));
        java.util.Map<String, JsonNode> listed = new java.util.HashMap<>();
        list.path("referrals").forEach(r -> listed.put(r.path("id").asString(), r));
        for (String id : acrossNodes) {
            assertEquals("DELIVERED", listed.get(id).path("delivery").path("state").asString(), list::toString);
            assertTrue(listed.get(id).path("delivery").path("attempts").asInt() >= 1, list::toString);
        }
        assertTrue(listed.containsKey(sameNode), list::toString);
        assertFalse(listed.get(sameNode).has("delivery"), "a same-node referral never left: " + listed.get(sameNode));
    }

    private static JsonNode referralDisclosure(UUID subject, String referralId) {
        JsonNode report = ok(Http.get(region.uri("kz", "/api/v1/audit/records/" + subject + "/disclosures"),
                region.token("KZ-MIGRATION", "dpo")));
        for (JsonNode d : report.path("disclosures")) {
            if (referralId.equals(d.path("referralId").asString())) {
                assertEquals("REFERRAL_SENT", d.path("action").asString());
                return d;
            }
        }
        throw new AssertionError("no disclosure of referral " + referralId + ": " + report);
    }

    @Test
    @DisplayName("the consent given at a screening withdrawn: its open referral to another node is revoked there too")
    void screeningConsentWithdrawalRevokes() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Ahmadi")));
        String id = created(refer(screening, "KG-SMS", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]")).path("id").asString();
        await("kz", id, screener(), r -> "DELIVERED".equals(r.path("delivery").path("state").asString()));
        HttpResponse<String> withdrawn = Http.postJson(region.uri("kz", "/api/v1/screenings/" + screening
                + "/consent-withdrawal"), screener(), "{ \"reason\": \"He no longer wants to be referred.\" }");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(Problems.json(withdrawn.body()).path("revokedReferrals").toString().contains(id), withdrawn.body());
        JsonNode atReceiver = await("kg", id, region.token("KG-SMS", "registrar"),
                r -> "REVOKED".equals(r.path("status").asString()));
        assertFalse(atReceiver.has("data"), atReceiver::toString);
        JsonNode disclosure = referralDisclosure(screening, id);
        assertEquals("KG-SMS", disclosure.path("recipientAgency").asString(), disclosure::toString);
        assertEquals("KG", disclosure.path("recipientParty").asString());
        assertEquals("ASYLUM_PROCEDURE", disclosure.path("purpose").asString());
        // Another agency's screening is not found.
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings/" + screening + "/consent-withdrawal"),
                region.token("KZ-MIGRATION", "screener"), "{ \"reason\": \"not mine\" }"), 404, "not_found");
    }

    @Test
    @DisplayName("an Afghan who fears Tajikistan is never referred to TJ-MIA: the sender refuses, and so does tj on a correctly signed envelope")
    void neverToCountryOfFearOnEitherSide() {
        UUID screening = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"familyName\": \"Rasuli\", \"dateOfBirth\": \"1985\", \"nationalities\": [\"AF\"]",
                "\"reasonsForLeaving\": [\"PERSECUTION\"], \"problemsOnReturn\": true, \"countriesFeared\": [\"TJ\"]", "")));
        JsonNode refused = assertProblem(refer(screening, "TJ-MIA", "ASYLUM_PROCEDURE", "[\"IDENTITY\"]"), 422,
                "referral_refused");
        assertEquals(List.of("receiver_country_of_origin"), reasons(refused));

        int before = count("tj", "referral");
        UUID id = UUID.randomUUID();
        ObjectNode crafted = (ObjectNode) Problems.json("""
                { "messageId": "%s", "referralId": "%s", "senderAgency": "KZ-BORDER", "sentBy": "test.screener@kz-border",
                  "receiverAgency": "TJ-MIA", "type": "ASYLUM_PROCEDURE", "categories": ["IDENTITY"], "basis": "CONSENT",
                  "consent": %s, "priority": "NORMAL", "sentAt": "2026-12-01T10:00:00Z",
                  "person": { "source": "SCREENING", "dateOfBirth": "1985", "nationalities": ["AF"],
                              "formerHabitualResidences": [], "countriesFled": ["AF"], "countriesFeared": ["TJ"],
                              "indicators": [] },
                  "data": { "identity": { "familyName": "Rasuli" } } }""".formatted(UUID.randomUUID(), id, CONSENT));
        JsonNode atTj = assertProblem(postEnvelope("tj", "/exchange/v1/referrals", kzSigner().sign("referral+jwt", "tj",
                crafted, Instant.now())), 422, "referral_refused");
        assertEquals(List.of("receiver_country_of_origin"), reasons(atTj));
        assertEquals(before, count("tj", "referral"));
        assertEquals(1, RegionData.app(region, "tj").queryForObject("select count(*) from access_log where record_id = ?"
                + " and action = 'REFERRAL_REFUSED' and reason_codes = 'receiver_country_of_origin'", Integer.class, id));

        // The same envelope naming an agency of the signing node that is not its sender is refused too.
        crafted.put("messageId", UUID.randomUUID().toString()).put("senderAgency", "KG-SMS");
        ((ObjectNode) crafted.get("person")).putArray("countriesFeared");
        JsonNode notOfNode = assertProblem(postEnvelope("tj", "/exchange/v1/referrals", kzSigner().sign("referral+jwt",
                "tj", crafted, Instant.now())), 422, "referral_refused");
        assertEquals(List.of("sender_not_of_signing_node"), reasons(notOfNode));
        assertEquals(before, count("tj", "referral"));
    }

    private static String screener() {
        return region.token("KZ-BORDER", "screener");
    }

    private static EnvelopeSigner kzSigner() {
        return region.start("kz").getBean(EnvelopeSigner.class);
    }

    private static HttpResponse<String> refer(UUID screening, String toAgency, String type, String categories) {
        return Http.postJson(region.uri("kz", "/api/v1/referrals"), screener(), """
                { "screeningId": "%s", "toAgency": "%s", "type": "%s", "categories": %s, "consent": %s }"""
                .formatted(screening, toAgency, type, categories, CONSENT));
    }

    private static HttpResponse<String> postEnvelope(String node, String path, String envelope) {
        return Http.post(region.uri(node, path), null, "application/jose", envelope.getBytes(StandardCharsets.US_ASCII));
    }

    /** The envelope with another payload (the person fears no country any more), its header and signature kept. */
    private static String tamperPayload(String envelope) {
        String[] parts = envelope.split("\\.");
        ObjectNode payload = (ObjectNode) Problems.json(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        ((ObjectNode) payload.get("data").get("identity")).put("familyName", "Someone else");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString()
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JsonNode step(String node, String id, String step, String token, String body) {
        return ok(Http.postJson(region.uri(node, "/api/v1/referrals/" + id + "/" + step), token, body));
    }

    /** Reads the referral on {@code node} until {@code done} holds (at most 60 seconds). */
    private static JsonNode await(String node, String id, String token, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = Http.get(region.uri(node, "/api/v1/referrals/" + id), token);
            if (response.statusCode() == 200) {
                last = Problems.json(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("referral " + id + " on " + node + " never reached the state; last: " + last);
    }

    private static List<String> history(JsonNode referral) {
        List<String> history = new ArrayList<>();
        referral.path("history").forEach(h -> history.add(h.path("status").asString() + "@" + h.path("agency").asString()));
        return history;
    }

    private static List<String> log(String node, String id) {
        return RegionData.app(region, node).queryForList("SELECT action || ':' || coalesce(agency, '') || ':' ||"
                + " coalesce(reason_codes, '') FROM access_log WHERE record_id = ?::uuid ORDER BY id", String.class, id);
    }

    private static int count(String node, String table) {
        return RegionData.app(region, node).queryForObject("select count(*) from " + table, Integer.class);
    }

    private static List<String> reasons(JsonNode problem) {
        List<String> codes = new ArrayList<>();
        problem.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }
}
