package org.regionalexchange.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The node's database gone (a primary failing over, docs/operations.md "Replicas and failover"):
 * nothing can be read or logged, so nothing is released, and the officer is told so with the stable
 * {@code 503 audit_unavailable}, not a {@code 500 internal_error}.
 */
class DatabaseUnreachableIT {

    @Test
    @DisplayName("kz's PostgreSQL stops; result: a registrar's read and an officer's request get 503 audit_unavailable, no personal data in the answer")
    void databaseGoneIsAuditUnavailable() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            region.start("kz");
            var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                    { "holderRecordRef": "KZ-GONE-1",
                      "identity": { "familyName": "Haidari", "givenNames": "Mina", "dateOfBirth": "1990-01-01", "nationalities": ["AF"] },
                      "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""");
            assertEquals(201, created.statusCode(), created.body());
            UUID id = UUID.fromString(Problems.json(created.body()).path("id").asString());

            region.start("kz").getBean(EmbeddedPostgres.class).close();

            var read = Http.get(region.uri("kz", "/api/v1/records/" + id), region.token("KZ-MIGRATION", "registrar"));
            Problems.assertProblem(read, 503, "audit_unavailable");
            assertFalse(read.body().contains("Haidari"), read.body());
            var asked = Http.postJson(region.uri("kz", "/api/v1/requests"), region.token("KZ-MIGRATION", "officer"), """
                    { "holderAgency": "KG-SMS", "subject": { "holderRecordRef": "KG-2026-000001" }, "purpose": "RSD_CASE_PROCESSING",
                      "legalBasis": "AGREEMENT", "requesterCaseRef": "KZ-MIG-2026-GONE",
                      "justification": "The applicant states she was registered in Bishkek; we must establish her status for our case KZ-MIG-2026-GONE.",
                      "categories": ["IDENTITY", "CASE_STATUS"] }""");
            Problems.assertProblem(asked, 503, "audit_unavailable");
        }
    }
}
