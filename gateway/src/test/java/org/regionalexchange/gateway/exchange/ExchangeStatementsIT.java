package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

/**
 * docs/performance.md P1 in work: what one exchange asks of each side's database, statement by
 * statement. Two real nodes, kg asking kz over real HTTP, both data sources recording what their
 * request threads run ({@link StatementTrace}). The ledger's row and the access log's entry of each
 * step are one statement; the record is read once; the officer's request is stored once.
 */
class ExchangeStatementsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static TestRegion region;
    private static String ref;
    private static int asked;

    @BeforeAll
    static void region() {
        region = TestRegion.create();
        region.start("kz", new Class<?>[] {GatewayApplication.class, StatementTrace.class});
        region.start("kg", new Class<?>[] {GatewayApplication.class, StatementTrace.class});
        ref = "KZ-" + RUN + "-WORK";
        RegionData.register(region, ref, "Rahimi");
        // A first exchange: each node reads what it then keeps (agreements, keys) once.
        ask();
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("KG asks KZ about a record it releases; result: the holder runs 5 statements and one commit, its ledger row and log entry in one statement")
    void holderStatements() {
        StatementTrace.clear();
        ask();
        List<String> holder = StatementTrace.servedOn(region.uri("kz", "/").getPort());

        assertEquals(List.of("commit"), holder.stream().filter(s -> s.equals("commit") || s.equals("rollback")).toList(),
                holder::toString);
        List<String> statements = statements(holder);
        assertEquals(1, count(statements, "insert into exchange_received"), holder::toString);
        assertEquals(1, count(statements, "insert into access_log"), holder::toString);
        assertTrue(statements.stream().anyMatch(s -> s.contains("insert into exchange_received")
                && s.contains("insert into access_log")), "one statement for the row and its entry: " + holder);
        assertEquals(1, count(statements, "from subject_record where id"), "the record read once: " + holder);
        assertTrue(statements.stream().anyMatch(s -> s.contains("from agreement_revision")
                && s.contains("justification_normalized_fingerprint")), "the agreements' revision read with the reuse scan: "
                + holder);
        assertEquals(5, statements.size(), "reuse scan with the agreements' revision, record by reference, record,"
                + " consents, ledger row with its log entry: " + holder);
        assertEquals(1, StatementTrace.borrowingsServedOn(region.uri("kz", "/").getPort()),
                "one transaction on one connection: " + holder);
    }

    @Test
    @DisplayName("KG asks KZ after the agreements changed, by identity, and about nobody at an agency never matched; result: each answer runs all its statements in one transaction on one connection of the holder, none through a persistence context")
    void holderAnswersOnOneConnection() {
        int kz = region.uri("kz", "/").getPort();
        String id = "KZ-UNHCR-" + RUN;
        var created = Http.postJson(region.uri("kz", "/api/v1/admin/agreements"), region.token("KZ-MIGRATION", "admin"), """
                {"agreementId": "%s", "parties": [{"country": "KZ"}, {"organization": "UNHCR"}],
                 "purposes": [{"purpose": "PROTECTION_REFERRAL", "categories": ["IDENTITY"]}],
                 "validFrom": "2026-01-01", "validUntil": "2030-12-31"}""".formatted(id));
        assertEquals(201, created.statusCode(), created.body());

        StatementTrace.clear();
        ask();
        assertOneConnection(kz, "from agreement order by agreement_id", "the agreements read again after the change");

        StatementTrace.clear();
        askFromKg("KZ-MIGRATION", "{ \"identity\": { \"familyName\": \"Rahimi\", \"givenNames\": \"Zahra\","
                + " \"dateOfBirth\": \"1991-05-04\" } }");
        assertOneConnection(kz, "from subject_record where holder_agency = ? and (family_name_key = ?",
                "the records of the family name read by their keys");

        StatementTrace.clear();
        askFromKg("KZ-BORDER", "{ \"holderRecordRef\": \"KZB-" + RUN + "-NOBODY\" }");
        assertOneConnection(kz, "from subject_record where holder_agency = ? limit 1",
                "a stand-in of the agency looked for, never matched since the start");
    }

    private static void assertOneConnection(int port, String fragment, String what) {
        List<String> holder = StatementTrace.servedOn(port);
        assertEquals(1, count(statements(holder), fragment), what + ": " + holder);
        assertEquals(List.of("commit"), holder.stream().filter(s -> s.equals("commit") || s.equals("rollback")).toList(),
                holder::toString);
        assertEquals(1, StatementTrace.borrowingsServedOn(port), "one transaction on one connection: " + holder);
    }

    /** KG-SMS asks {@code holderAgency} about {@code subject}, a decision the policy makes after the lookup. */
    private static void askFromKg(String holderAgency, String subject) {
        String caseRef = "KG-SMS-2026-W" + RUN + "-" + (++asked);
        var answer = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "%s", "subject": %s, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ "IDENTITY" ], "urgency": "ROUTINE" }""".formatted(holderAgency, subject, caseRef,
                RegionData.justification(caseRef)));
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    @DisplayName("KG asks KZ; result: the requester runs 3 statements and two commits (the request stored before it leaves, the answer after), each ledger write with its log entry")
    void requesterStatements() {
        StatementTrace.clear();
        ask();
        List<String> requester = StatementTrace.servedOn(region.uri("kg", "/").getPort());

        assertEquals(List.of("commit", "commit"), requester.stream().filter(s -> s.equals("commit")
                || s.equals("rollback")).toList(), requester::toString);
        List<String> statements = statements(requester);
        assertEquals(2, count(statements, "insert into access_log"), requester::toString);
        assertTrue(statements.stream().anyMatch(s -> s.contains("insert into exchange_request")
                && s.contains("insert into access_log")), "the request's row and its entry: " + requester);
        assertTrue(statements.stream().anyMatch(s -> s.contains("update exchange_request")
                && s.contains("insert into access_log")), "the answer and its entry: " + requester);
        assertEquals(3, statements.size(), "reuse scan, request with its entry, answer with its entry: " + requester);
    }

    @Test
    @DisplayName("KG asks KZ; result: both ledger rows keep their signed envelopes in the row, none moved out to TOAST")
    void envelopesStayInTheRow() {
        UUID requestId = ask();
        String inRow = "pg_column_toast_chunk_id(request_jws) is null and pg_column_toast_chunk_id(response_jws) is null"
                + " and length(request_jws) + length(response_jws) > 2000";
        assertEquals(Boolean.TRUE, RegionData.app(region, "kz").queryForObject(
                "select " + inRow + " from exchange_received where request_id = ?", Boolean.class, requestId));
        assertEquals(Boolean.TRUE, RegionData.app(region, "kg").queryForObject(
                "select " + inRow + " from exchange_request where id = ?", Boolean.class, requestId));
    }

    /** Asks KZ through KG; returns the request's id. */
    private static UUID ask() {
        String caseRef = "KG-SMS-2026-W" + RUN + "-" + (++asked);
        var answer = RegionData.askFromKg(region, ref, caseRef, "\"IDENTITY\", \"CASE_STATUS\"");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("RELEASED", Problems.json(answer.body()).path("outcome").asString(), answer.body());
        return UUID.fromString(Problems.json(answer.body()).path("requestId").asString());
    }

    /** The statements of a trace, lower case, without its commits and rollbacks. */
    private static List<String> statements(List<String> trace) {
        return trace.stream().filter(s -> !s.equals("commit") && !s.equals("rollback"))
                .map(s -> s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")).toList();
    }

    private static long count(List<String> statements, String fragment) {
        return statements.stream().filter(s -> s.contains(fragment)).count();
    }
}
