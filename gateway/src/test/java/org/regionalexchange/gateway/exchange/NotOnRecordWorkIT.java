package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

import tools.jackson.databind.JsonNode;

/**
 * docs/performance.md R8 in work rather than in time (timing has its bench, {@code bench/not-available-timing}):
 * the holder answers "not on record" and "country of origin" with the same statements to its
 * database, the reads of a record and its consents included. Two real nodes, tj asking kz over real
 * HTTP; kz's data source records every statement of its request threads ({@link StatementTrace}).
 */
class NotOnRecordWorkIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String JUSTIFICATION = "The person was stopped at our border post with an identity document"
            + " issued in Kazakhstan; we must verify that document and his status before deciding under our case %s.";
    /** The holder's reads of one record for a decision: the record by id, and its consents. */
    private static final String RECORD_READ = "from subject_record ";
    private static final String CONSENTS_READ = "from consent ";
    /** A record's row read by id (the holder reads it with plain SQL, RecordRow). */
    private static final String ROW_READ = RECORD_READ + "where id = ?";

    private static TestRegion region;
    private static String tjOfficer;
    private static int asked;

    @BeforeAll
    static void region() {
        region = TestRegion.create();
        region.start("kz", new Class<?>[] {GatewayApplication.class, StatementTrace.class});
        region.start("tj");
        tjOfficer = region.token("TJ-MIA", "officer");
        // A first exchange: kz reads its agreements once, then keeps them while the table is unchanged.
        askNotAvailable("KZ-BORDER", "KZB-" + RUN + "-WARM");
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("TJ asks KZ about a Tajik national on record and about nobody; result: both NOT_AVAILABLE, and kz runs the same statements for both, a record and its consents read in each")
    void notOnRecordDoesTheWorkOfCountryOfOrigin() {
        String tajik = "KZ-" + RUN + "-TJN";
        UUID recordId = registerTajik(tajik);
        RegionData.consent(region, recordId, "{ \"organization\": \"UNHCR\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"",
                "2026-01-01", "2030-01-01");

        // The first "not on record" of the agency since the node started finds its stand-in first.
        List<String> ids = new ArrayList<>();
        List<String> first = StatementTrace.during(() -> ids.add(askNotAvailable("KZ-MIGRATION", "KZ-" + RUN + "-NOBODY-1")));
        List<String> origin = StatementTrace.during(() -> ids.add(askNotAvailable("KZ-MIGRATION", tajik)));
        List<String> nobody = StatementTrace.during(() -> ids.add(askNotAvailable("KZ-MIGRATION", "KZ-" + RUN + "-NOBODY-2")));

        assertEquals(origin, nobody, "the same statements, in the same order");
        assertEquals(1, count(origin, ROW_READ), origin::toString);
        assertEquals(1, count(origin, CONSENTS_READ), origin::toString);
        // Once more the agency's records, for the stand-in, and otherwise the same work.
        List<String> firstWithoutLookup = new ArrayList<>(first);
        assertTrue(firstWithoutLookup.removeIf(sql -> sql.contains(RECORD_READ) && sql.contains("holder_agency = ? limit 1")
                && !sql.contains("holder_record_ref")), first::toString);
        assertEquals(nobody, firstWithoutLookup);

        // The two decisions are what they look like: the true reasons differ only in the holder's log.
        var kz = RegionData.app(region, "kz");
        List<String> reasons = new ArrayList<>();
        for (String id : ids) {
            reasons.add(kz.queryForObject("select internal_reason from exchange_received where request_id = ?",
                    String.class, UUID.fromString(id)));
        }
        assertEquals(List.of("no_match", "country_of_origin_on_record", "no_match"), reasons);
    }

    @Test
    @DisplayName("TJ asks KZ-BORDER, which holds no record, about nobody; result: NOT_AVAILABLE after looking for a stand-in, no record read")
    void anAgencyWithoutRecordsReadsNone() {
        List<String> nobody = StatementTrace.during(() -> askNotAvailable("KZ-BORDER", "KZB-" + RUN + "-NOBODY"));
        assertEquals(0, count(nobody, ROW_READ), nobody::toString);
        assertEquals(0, count(nobody, CONSENTS_READ), nobody::toString);
        assertEquals(2, count(nobody, RECORD_READ), "the lookup by reference and the stand-in's: " + nobody);
    }

    private static UUID registerTajik(String ref) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Yokubov", "givenNames": "Ilhom", "dateOfBirth": "1988-07", "nationalities": ["TJ"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-02-03" },
                  "claim": { "summary": "Sought for membership of an opposition party.", "countriesOfFear": ["TJ"] } }"""
                .formatted(ref));
        assertEquals(201, created.statusCode(), created.body());
        return UUID.fromString(Problems.json(created.body()).path("id").asString());
    }

    /** Asks as an officer of TJ-MIA through node tj; returns the request's id. */
    private static String askNotAvailable(String holderAgency, String ref) {
        String caseRef = "TJ-MIA-" + RUN + "-" + (++asked);
        var response = Http.postJson(region.uri("tj", "/api/v1/requests"), tjOfficer, """
                { "holderAgency": "%s", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s",
                  "categories": [ "IDENTITY", "CASE_STATUS" ] }"""
                .formatted(holderAgency, ref, caseRef, JUSTIFICATION.formatted(caseRef) + " The passport was issued in "
                        + org.regionalexchange.gateway.testing.RegionData.word(caseRef) + "."));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode outcome = Problems.json(response.body());
        assertEquals("NOT_AVAILABLE", outcome.path("outcome").asString(), response.body());
        return outcome.path("requestId").asString();
    }

    private static long count(List<String> statements, String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).count();
    }
}
