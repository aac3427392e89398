package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/performance.md R1, "no audit, no data": the access-log insert is made to fail (as the database
 * owner: a revoked privilege, or a trigger that refuses one action) and nothing is read or
 * released. Each test restores the database before it ends.
 */
class NoAuditNoDataIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static TestRegion region;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("the log refuses inserts at KZ; result: the registrar's read and the liaison's view are 503 audit_unavailable with no personal data")
    void readsFailClosed() {
        UUID recordId = RegionData.register(region, "KZ-" + RUN + "-R1R", "Habibi");
        RegionData.consent(region, recordId, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL", "\"FAMILY\"",
                "2026-01-01", "2030-01-01");
        JdbcTemplate owner = RegionData.owner(region, "kz");
        owner.execute("revoke insert on access_log from gateway_app");
        try {
            var read = Http.get(region.uri("kz", "/api/v1/records/" + recordId), region.token("KZ-MIGRATION", "registrar"));
            assertProblem(read, 503, "audit_unavailable");
            assertFalse(read.body().contains("Habibi"), read.body());
            var view = Http.get(region.uri("kz", "/api/v1/liaison/records/" + recordId), region.token("UNHCR-KZ", "liaison"));
            assertProblem(view, 503, "audit_unavailable");
            assertFalse(view.body().contains("Habibi"), view.body());
        } finally {
            owner.execute("grant insert on access_log to gateway_app");
        }
        assertEquals(200, Http.get(region.uri("kz", "/api/v1/records/" + recordId),
                region.token("KZ-MIGRATION", "registrar")).statusCode(), "restored");
    }

    @Test
    @DisplayName("the holder KZ cannot log its decision; result: nothing stored or released at KZ, the KG officer gets 503 and no data")
    void holderDecisionFailsClosed() {
        String ref = "KZ-" + RUN + "-R1H";
        RegionData.register(region, ref, "Karimi");
        JdbcTemplate owner = RegionData.owner(region, "kz");
        JdbcTemplate kz = RegionData.app(region, "kz");
        int received = kz.queryForObject("select count(*) from exchange_received", Integer.class);
        owner.execute("""
                create or replace function test_refuse_decided() returns trigger language plpgsql as $$
                begin raise exception 'fault injected'; end $$""");
        owner.execute("""
                create trigger test_refuse_decided before insert on access_log for each row
                when (new.action = 'REQUEST_DECIDED') execute function test_refuse_decided()""");
        try {
            var answer = RegionData.askFromKg(region, ref, "KG-SMS-2026-H" + RUN, "\"IDENTITY\", \"CASE_STATUS\"");
            assertProblem(answer, 503, "holder_unavailable");
            assertFalse(answer.body().contains("Karimi"), answer.body());
            assertEquals(received, kz.queryForObject("select count(*) from exchange_received", Integer.class),
                    "no answer was stored as releasable");
        } finally {
            owner.execute("drop trigger test_refuse_decided on access_log");
            owner.execute("drop function test_refuse_decided()");
        }
    }

    @Test
    @DisplayName("the requester KG cannot log the receipt; result: no evidence kept, the officer gets 503 audit_unavailable and no data; later the same request succeeds")
    void requesterReceiptFailsClosed() {
        String ref = "KZ-" + RUN + "-R1Q";
        String caseRef = "KG-SMS-2026-Q" + RUN;
        RegionData.register(region, ref, "Waziri");
        JdbcTemplate owner = RegionData.owner(region, "kg");
        owner.execute("""
                create or replace function test_refuse_receipt() returns trigger language plpgsql as $$
                begin raise exception 'fault injected'; end $$""");
        owner.execute("""
                create trigger test_refuse_receipt before insert on access_log for each row
                when (new.action = 'RESPONSE_RECEIVED') execute function test_refuse_receipt()""");
        String requestId;
        try {
            var answer = RegionData.askFromKg(region, ref, caseRef, "\"IDENTITY\", \"CASE_STATUS\"");
            assertProblem(answer, 503, "audit_unavailable");
            assertFalse(answer.body().contains("Waziri"), answer.body());
            var stored = RegionData.app(region, "kg").queryForMap(
                    """
                    select e.id, e.status, e.response_jws from exchange_request e
                    join access_log l on l.request_id = e.id and l.action = 'REQUEST_SENT'
                    where position(? in l.justification) > 0""", caseRef);
            assertEquals("SENT", stored.get("status"));
            assertNull(stored.get("response_jws"), "no evidence kept without its log entry");
            requestId = stored.get("id").toString();
        } finally {
            owner.execute("drop trigger test_refuse_receipt on access_log");
            owner.execute("drop function test_refuse_receipt()");
        }
        var again = Http.get(region.uri("kg", "/api/v1/requests/" + requestId), region.token("KG-SMS", "officer"));
        assertEquals(200, again.statusCode(), again.body());
    }
}
