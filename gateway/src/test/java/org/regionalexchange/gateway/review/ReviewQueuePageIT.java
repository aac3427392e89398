package org.regionalexchange.gateway.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.GatewayApplication;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.StatementTrace;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * docs/performance.md P7: the reviewer's queue decides its requests again in one batch, so its
 * reads do not grow with its items, and what it says approval would release is what the consents,
 * holds and records say now. Two real nodes, kg asking kz over real HTTP; kz's data source records
 * what its request threads run ({@link StatementTrace}). Requests about children wait for review.
 */
class ReviewQueuePageIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static TestRegion region;
    private static String registrar;
    private static String reviewer;
    private static int children;

    @BeforeAll
    static void region() {
        region = TestRegion.create();
        region.start("kz", new Class<?>[] {GatewayApplication.class, StatementTrace.class});
        region.start("kg");
        registrar = region.token("KZ-MIGRATION", "registrar");
        reviewer = region.token("KZ-MIGRATION", "reviewer");
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("the queue listed with N waiting requests about N children, then with 2N (by reference and by"
            + " identity); result: the same 8 statements both times, none per item")
    void queueStatementsDoNotGrowWithItems() {
        waitForReview(3);
        queue(); // what the node reads once and then keeps (agreements, keys)
        List<String> few = statements(() -> assertTrue(queue().size() >= 3));
        int itemsBefore = queue().size();
        waitForReview(3);
        List<String> more = statements(() -> assertEquals(itemsBefore + 3, queue().size()));

        assertEquals(few.size(), more.size(), "a page of " + itemsBefore + " items: " + few + "\nof "
                + (itemsBefore + 3) + " items: " + more);
        assertEquals(lists(few), lists(more));
        assertEquals(8, few.size(), "the log entry, the page, the agreements' revision, the reuse scans, the"
                + " subjects by reference and by name, the records, the consents: " + few);
    }

    @Test
    @DisplayName("a consent is withdrawn after the request arrived; result: the queue at once says approval would"
            + " release IDENTITY and CASE_STATUS only, and approval releases exactly that")
    void consentWithdrawnAfterArrivalShowsInTheQueueAtOnce() {
        Waiting waiting = waitForReview(1).get(0);
        assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), wouldRelease(waiting.requestId()));

        for (JsonNode consent : RegionData.getJson(region, "kz", "/api/v1/records/" + waiting.recordId()
                + "/consents", registrar).path("consents")) {
            var withdrawn = Http.postJson(region.uri("kz", "/api/v1/records/" + waiting.recordId() + "/consents/"
                    + consent.path("id").asString() + "/withdrawal"), registrar,
                    "{ \"reason\": \"The guardian withdrew consent.\" }");
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        }
        assertEquals(List.of("IDENTITY", "CASE_STATUS"), wouldRelease(waiting.requestId()));

        var decided = Http.postJson(region.uri("kz", "/api/v1/reviews/" + waiting.requestId()), reviewer,
                "{ \"decision\": \"APPROVE\", \"note\": \"Child protection unit consulted.\" }");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("PARTIALLY_RELEASED", Problems.json(decided.body()).path("outcome").asString(), decided.body());
    }

    @Test
    @DisplayName("a protection hold is placed on the record after the request arrived; result: the queue says approval"
            + " would release nothing")
    void holdAfterArrivalShowsInTheQueueAtOnce() {
        Waiting waiting = waitForReview(1).get(0);
        assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), wouldRelease(waiting.requestId()));
        RegionData.owner(region, "kz").update("update subject_record set protection_hold = true where id = ?",
                waiting.recordId());
        assertEquals(List.of(), wouldRelease(waiting.requestId()));
    }

    @Test
    @DisplayName("the same justification is used by KG-SMS for another person after the request arrived; result:"
            + " the queue's one reuse scan for the page finds it and says approval would release nothing, and"
            + " approval refuses")
    void justificationReusedAfterArrivalShowsInTheQueueAtOnce() {
        List<Waiting> waiting = waitForReview(2);
        String reused = waiting.get(0).requestId();
        assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), wouldRelease(reused));
        // A use of the same text for another subject, as the ledger keeps every use it received.
        RegionData.owner(region, "kz").update("""
                insert into exchange_received (sender_node, jti, request_id, request_digest, request_jws,
                    requester_agency, holder_agency, purpose, justification_fingerprint,
                    justification_normalized_fingerprint, subject_key, received_at, outcome)
                select sender_node, 'reuse-' || jti, gen_random_uuid(), request_digest, request_jws, requester_agency,
                    holder_agency, purpose, justification_fingerprint, justification_normalized_fingerprint,
                    'another-subject', received_at, 'RELEASED'
                from exchange_received where request_id = ?""", UUID.fromString(reused));

        assertEquals(List.of(), wouldRelease(reused));
        assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), wouldRelease(waiting.get(1).requestId()),
                "the other request of the page keeps its own history");
        var decided = Http.postJson(region.uri("kz", "/api/v1/reviews/" + reused), reviewer,
                "{ \"decision\": \"APPROVE\", \"note\": \"Child protection unit consulted.\" }");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("REFUSED", Problems.json(decided.body()).path("outcome").asString(), decided.body());
    }

    @Test
    @DisplayName("a waiting request's stored envelope no longer matches its digest; result: the queue answers 200 and"
            + " shows it as unreadable, releasing nothing, and the other requests as before")
    void unreadableStoredRequestIsShownAsSuchNeverAsReleasable() {
        List<Waiting> waiting = waitForReview(2);
        JdbcTemplate owner = RegionData.owner(region, "kz");
        UUID broken = UUID.fromString(waiting.get(0).requestId());
        String original = owner.queryForObject("select request_jws from exchange_received where request_id = ?",
                String.class, broken);
        owner.update("update exchange_received set request_jws = ? where request_id = ?", original + "x", broken);
        try {
            JsonNode item = item(waiting.get(0).requestId());
            assertTrue(item.path("unreadable").asBoolean(false), item.toString());
            assertEquals(0, item.path("wouldRelease").size(), item.toString());
            assertFalse(item.has("justification"), item.toString());
            assertEquals(List.of("IDENTITY", "CASE_STATUS", "CLAIM"), wouldRelease(waiting.get(1).requestId()));
        } finally {
            owner.update("update exchange_received set request_jws = ? where request_id = ?", original, broken);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** A request of KG-SMS about a child, waiting for review at KZ-MIGRATION, and the child's record. */
    private record Waiting(String requestId, UUID recordId) {
    }

    /** {@code count} children registered, each with a consent for its claim, and KG asks about each. */
    private static List<Waiting> waitForReview(int count) {
        List<Waiting> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = ++children;
            String family = "Queued " + RegionData.word(RUN) + " " + syllables(n);
            String ref = "KZ-" + RUN + "-Q" + n;
            var created = Http.postJson(region.uri("kz", "/api/v1/records"), registrar, """
                    { "holderRecordRef": "%s",
                      "identity": { "familyName": "%s", "givenNames": "Parisa", "sex": "F", "dateOfBirth": "2014-05-01",
                                    "nationalities": ["AF"] },
                      "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                      "claim": { "summary": "Claim of a child %s", "grounds": ["PARTICULAR_SOCIAL_GROUP"],
                                 "countriesOfFear": ["AF"] } }""".formatted(ref, family, RUN));
            assertEquals(201, created.statusCode(), created.body());
            UUID recordId = UUID.fromString(Problems.json(created.body()).path("id").asString());
            RegionData.consent(region, recordId, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"",
                    "2026-01-01", "2030-01-01");
            String subject = n % 2 == 0 ? "{ \"holderRecordRef\": \"" + ref + "\" }"
                    : "{ \"identity\": { \"familyName\": \"" + family + "\", \"givenNames\": \"Parisa\","
                            + " \"dateOfBirth\": \"2014-05-01\" } }";
            String caseRef = "KG-SMS-2026-Q" + RUN + "-" + n;
            var asked = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                    { "holderAgency": "KZ-MIGRATION", "subject": %s, "purpose": "RSD_CASE_PROCESSING",
                      "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                      "categories": [ "IDENTITY", "CASE_STATUS", "CLAIM" ], "urgency": "ROUTINE" }"""
                    .formatted(subject, caseRef, RegionData.justification(caseRef)));
            assertEquals(200, asked.statusCode(), asked.body());
            JsonNode outcome = Problems.json(asked.body());
            assertEquals("PENDING_REVIEW", outcome.path("outcome").asString(), outcome.toString());
            waiting.add(new Waiting(outcome.path("requestId").asString(), recordId));
        }
        return waiting;
    }

    /**
     * A word of its own for each child, in syllables that no spelling variant of the name matcher
     * folds together (no doubled letter, no o, y, h, z or j): each identity query names one child.
     */
    private static String syllables(int n) {
        String[] syllables = {"ba", "be", "bi", "bu", "da", "de", "di", "du", "fa", "fe"};
        StringBuilder word = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            word.append(syllables[digit - '0']);
        }
        return word.toString();
    }

    private static JsonNode queue() {
        return RegionData.getJson(region, "kz", "/api/v1/reviews", reviewer).path("reviews");
    }

    private static JsonNode item(String requestId) {
        for (JsonNode item : queue()) {
            if (item.path("requestId").asString().equals(requestId)) {
                return item;
            }
        }
        throw new AssertionError("request " + requestId + " is not in the review queue");
    }

    private static List<String> wouldRelease(String requestId) {
        JsonNode item = item(requestId);
        assertFalse(item.path("unreadable").asBoolean(false), item.toString());
        List<String> categories = new java.util.ArrayList<>();
        item.path("wouldRelease").forEach(category -> categories.add(category.asString()));
        return categories;
    }

    /** The statements with each list of parameters as one ({@code in (?, ?)} has as many as distinct names). */
    private static List<String> lists(List<String> statements) {
        return statements.stream().map(s -> s.replaceAll("\\(\\?(, ?\\?)*\\)", "(?...)")).toList();
    }

    /** The statements kz's request threads ran during {@code action}, lower case, without commits and rollbacks. */
    private static List<String> statements(Runnable action) {
        StatementTrace.clear();
        action.run();
        return StatementTrace.servedOn(region.uri("kz", "/").getPort()).stream()
                .filter(s -> !s.equals("commit") && !s.equals("rollback"))
                .map(s -> s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).toList();
    }
}
