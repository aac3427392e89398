package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * docs/performance.md R5 for the audit and liaison endpoints: every endpoint × every role × an agency of
 * node kz (KZ-MIGRATION, which holds the record; UNHCR-KZ, an organization's office) or of
 * another node (KG-SMS), plus no token. Each cell: the caller calls; result: exactly this status.
 * A DPO sees the whole node's log, whatever its agency; the liaison only as an organization's office.
 */
class AuditAndLiaisonAuthorizationIT {

    private static final String RECORD = "{record}";
    /** The operations this matrix covers, as {@link AuthorizationMatrixIT} counts them. */
    static final List<String> AUDIT = List.of("GET /api/v1/audit/events", "GET /api/v1/audit/events.csv",
            "GET /api/v1/audit/verify", "GET /api/v1/audit/records/" + RECORD + "/revisions",
            "GET /api/v1/audit/records/" + RECORD + "/disclosures", "GET /api/v1/audit/alerts",
            "POST /api/v1/audit/checkpoints", "POST /api/v1/audit/checkpoints/verify",
            "GET /api/v1/audit/checkpoints/peers");
    static final List<String> LIAISON = List.of("GET /api/v1/liaison/records",
            "GET /api/v1/liaison/records/" + RECORD);
    private static final List<String> ROLES = List.of("registrar", "officer", "reviewer", "liaison", "dpo", "admin",
            "screener");
    private static final List<String> AGENCIES = List.of("KZ-MIGRATION", "UNHCR-KZ", "KG-SMS");

    private static TestRegion region;
    private static UUID record;
    /** A checkpoint of node kz as its DPO exported it: the body that verify takes. */
    private static String checkpoint;

    @BeforeAll
    static void data() {
        region = TestRegion.shared();
        record = RegionData.register(region, "KZ-" + UUID.randomUUID().toString().substring(0, 8) + "-MTX", "Matrix");
        RegionData.consent(region, record, "{ \"organization\": \"UNHCR\" }", "PROTECTION_REFERRAL", "\"FAMILY\"",
                "2026-01-01", "2030-01-01");
        var exported = Http.post(region.uri("kz", "/api/v1/audit/checkpoints"), region.token("KZ-MIGRATION", "dpo"),
                null, new byte[0]);
        assertEquals(200, exported.statusCode(), exported.body());
        checkpoint = exported.body();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        List<String> endpoints = new ArrayList<>(AUDIT);
        endpoints.addAll(LIAISON);
        for (String endpoint : endpoints) {
            cells.add(Arguments.of(endpoint, "(no token)", "", 401));
            for (String agency : AGENCIES) {
                for (String role : ROLES) {
                    cells.add(Arguments.of(endpoint, role, agency, expected(endpoint, role, agency)));
                }
            }
        }
        // Unknown resources of the caller's own node: 404.
        cells.add(Arguments.of("GET /api/v1/audit/records/" + UUID.randomUUID() + "/disclosures", "dpo", "KZ-MIGRATION", 404));
        cells.add(Arguments.of("GET /api/v1/audit/records/" + UUID.randomUUID() + "/revisions", "dpo", "UNHCR-KZ", 404));
        cells.add(Arguments.of("GET /api/v1/liaison/records/" + UUID.randomUUID(), "liaison", "UNHCR-KZ", 404));
        return cells.stream();
    }

    private static int expected(String endpoint, String role, String agency) {
        if (agency.equals("KG-SMS")) {
            return 401; // the token's agency is not served by node kz
        }
        if (AUDIT.contains(endpoint)) {
            return role.equals("dpo") ? 200 : 403;
        }
        return role.equals("liaison") && agency.equals("UNHCR-KZ") ? 200 : 403;
    }

    @ParameterizedTest(name = "{0} as {1} of {2} -> {3}")
    @MethodSource("cells")
    void cell(String endpoint, String role, String agency, int status) {
        String[] parts = endpoint.replace(RECORD, record.toString()).split(" ", 2);
        String token = agency.isEmpty() ? null : region.token(agency, role);
        HttpResponse<String> response;
        if (parts[1].endsWith("/checkpoints/verify")) {
            response = Http.postJson(region.uri("kz", parts[1]), token, checkpoint);
        } else if (parts[0].equals("POST")) {
            response = Http.post(region.uri("kz", parts[1]), token, null, new byte[0]);
        } else {
            response = Http.get(region.uri("kz", parts[1]), token);
        }
        if (status == 200) {
            assertEquals(200, response.statusCode(), response.body());
        } else {
            String code = switch (status) {
                case 401 -> agency.isEmpty() ? "authentication_required" : "agency_not_of_node";
                case 403 -> "role_not_permitted";
                default -> "not_found";
            };
            Problems.assertProblem(response, status, code);
        }
    }
}
