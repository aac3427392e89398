package org.regionalexchange.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retries are safe: the holder node is down when the officer asks; the request is kept, and once
 * the holder is back, the officer's next look sends the very same envelope, which the holder
 * decides once.
 */
class ExchangeRetryIT {

    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    @DisplayName("the holder is down: 503 holder_unavailable; after its restart the officer's GET delivers and gets the outcome")
    void undeliveredRequestIsDeliveredLater() {
        try (TestRegion region = TestRegion.create()) {
            region.start("kz");
            region.start("kg", "--gateway.exchange.attempts=1");
            var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                    { "holderRecordRef": "KZ-RETRY-1",
                      "identity": { "familyName": "Sultani", "givenNames": "Nasir", "dateOfBirth": "1985-01-09", "nationalities": ["AF"] },
                      "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""");
            assertEquals(201, created.statusCode(), created.body());
            region.stop("kz");

            String officer = region.token("KG-SMS", "officer");
            var refused = Http.postJson(region.uri("kg", "/api/v1/requests"), officer, """
                    { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "KZ-RETRY-1" },
                      "purpose": "DOCUMENT_VERIFICATION", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-2026-0777",
                      "justification": "The refugee certificate he showed at our office must be verified for our case KG-SMS-2026-0777 before renewal.",
                      "categories": ["IDENTITY", "CASE_STATUS"] }""");
            var problem = assertProblem(refused, 503, "holder_unavailable");
            Matcher id = REQUEST_ID.matcher(problem.path("detail").asString());
            assertTrue(id.find(), problem.toString());
            UUID requestId = UUID.fromString(id.group());

            region.start("kz");
            var delivered = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), officer);
            assertEquals(200, delivered.statusCode(), delivered.body());
            assertEquals("RELEASED", Problems.json(delivered.body()).path("outcome").asString());
            var again = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), officer);
            assertEquals(Problems.json(delivered.body()), Problems.json(again.body()));
            JdbcTemplate kz = new JdbcTemplate(region.start("kz").getBean(DataSource.class));
            assertEquals(1, kz.queryForObject("select count(*) from exchange_received where request_id = ?",
                    Integer.class, requestId), "decided once");
        }
    }
}
