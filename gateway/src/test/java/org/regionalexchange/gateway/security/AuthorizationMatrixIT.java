package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * docs/performance.md R5 for every endpoint of node kz but the audit and liaison ones (those are in
 * {@link AuditAndLiaisonAuthorizationIT}): every endpoint × every role × an agency of the node that
 * owns the target resource (KZ-MIGRATION), another agency of the same node (KZ-BORDER), the node's
 * organization office (UNHCR-KZ) and an agency of another node (KG-SMS), plus no token. Each cell:
 * the caller calls; result: exactly this status and problem code. A last test fails when the node
 * serves an operation that neither matrix covers.
 */
class AuthorizationMatrixIT {

    private static final String RECORD = "{record}";
    private static final String CONSENT = "{consent}";
    private static final String SENT = "{sent}";
    private static final String PENDING = "{pending}";
    private static final String AGREEMENT = "{agreement}";
    private static final String SCREENING = "{screening}";
    private static final String REFERRAL = "{referral}";
    /** The receiver of the matrix's referrals: an agency of node kz that is none of the grid's. */
    private static final String RECEIVER = "KZ-CHILD-PROTECTION";
    /** A released period for the statistics endpoints. */
    private static final String PERIOD = "?from=2024-01&to=2024-02";

    private static final List<String> ROLES = List.of("registrar", "officer", "reviewer", "liaison", "dpo", "admin",
            "screener");
    /** The owner of every agency-scoped resource below, two other agencies of node kz, and one of node kg. */
    private static final String OWNER = "KZ-MIGRATION";
    private static final String OTHER_NODE = "KG-SMS";
    private static final List<String> AGENCIES = List.of(OWNER, "KZ-BORDER", "UNHCR-KZ", OTHER_NODE);

    /** Who may call an operation, given the role the security table asks for. */
    private enum Access {
        /** the role, and only the agency that owns the resource; other agencies of the node get 404 */
        OWN_AGENCY,
        /** the role, any agency of the node (the answer is scoped to the caller's agency or is node-wide) */
        ANY_AGENCY,
        /** any role of any agency of the node */
        ANY_ROLE,
        /** node-to-node: not token-authenticated; an unsigned message is refused by the envelope rules */
        SIGNED,
        /** the role, and only the receiving agency of the resource, which is none of the grid's: all get 404 */
        RECEIVER,
        /** public, no token needed */
        PUBLIC
    }

    private record Endpoint(String method, String path, String role, Access access, int success, String body) {
        String operation() {
            return method + " " + path;
        }
    }

    /** Every operation of the node this matrix covers; the body names what each cell sends. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/records", "registrar", Access.ANY_AGENCY, 201, "record-new"),
            new Endpoint("GET", "/api/v1/records/" + RECORD, "registrar", Access.OWN_AGENCY, 200, null),
            new Endpoint("PUT", "/api/v1/records/" + RECORD, "registrar", Access.OWN_AGENCY, 200, "record-same"),
            new Endpoint("POST", "/api/v1/records/" + RECORD + "/consents", "registrar", Access.OWN_AGENCY, 201,
                    "consent"),
            new Endpoint("GET", "/api/v1/records/" + RECORD + "/consents", "registrar", Access.OWN_AGENCY, 200, null),
            new Endpoint("POST", "/api/v1/records/" + RECORD + "/consents/" + CONSENT + "/withdrawal", "registrar",
                    Access.OWN_AGENCY, 200, "withdrawal"),
            new Endpoint("POST", "/api/v1/requests", "officer", Access.ANY_AGENCY, 200, "request"),
            new Endpoint("GET", "/api/v1/requests/" + SENT, "officer", Access.OWN_AGENCY, 200, null),
            new Endpoint("GET", "/api/v1/reviews", "reviewer", Access.ANY_AGENCY, 200, null),
            new Endpoint("POST", "/api/v1/reviews/" + PENDING, "reviewer", Access.OWN_AGENCY, 200, "review"),
            new Endpoint("POST", "/api/v1/screenings", "screener", Access.ANY_AGENCY, 201, "screening"),
            new Endpoint("GET", "/api/v1/screenings/" + SCREENING, "screener", Access.OWN_AGENCY, 200, null),
            new Endpoint("GET", "/api/v1/screenings/questionnaire", null, Access.ANY_ROLE, 200, null),
            new Endpoint("POST", "/api/v1/screenings/" + SCREENING + "/consent-withdrawal", "screener", Access.OWN_AGENCY,
                    200, "withdrawal"),
            new Endpoint("POST", "/api/v1/referrals", "screener|registrar", Access.OWN_AGENCY, 201, "referral"),
            new Endpoint("GET", "/api/v1/referrals", "screener|registrar", Access.ANY_AGENCY, 200, null),
            new Endpoint("GET", "/api/v1/referrals/" + REFERRAL, "screener|registrar", Access.OWN_AGENCY, 200, null),
            new Endpoint("POST", "/api/v1/referrals/{fresh-sent}/acknowledgement", "screener|registrar", Access.RECEIVER,
                    200, "step"),
            new Endpoint("POST", "/api/v1/referrals/{fresh-received}/acceptance", "screener|registrar", Access.RECEIVER,
                    200, "step"),
            new Endpoint("POST", "/api/v1/referrals/{fresh-received}/decline", "screener|registrar", Access.RECEIVER,
                    200, "step-reason"),
            new Endpoint("POST", "/api/v1/referrals/{fresh-accepted}/completion", "screener|registrar", Access.RECEIVER,
                    200, "step-completion"),
            new Endpoint("POST", "/api/v1/referrals/{fresh-sent}/revocation", "screener|registrar", Access.OWN_AGENCY,
                    200, "step-reason"),
            new Endpoint("GET", "/api/v1/referrals/" + REFERRAL + "/slip", "screener|registrar", Access.OWN_AGENCY, 200,
                    null),
            new Endpoint("POST", "/api/v1/referrals/{fresh-accepted}/record", "screener|registrar", Access.RECEIVER, 201,
                    "referral-record"),
            new Endpoint("GET", "/api/v1/directory/agencies", null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/directory/reference-guide", null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/directory/reference-guide.pdf", null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/admin/agreements", "admin", Access.ANY_AGENCY, 200, null),
            new Endpoint("GET", "/api/v1/admin/agreements/" + AGREEMENT, "admin", Access.ANY_AGENCY, 200, null),
            new Endpoint("POST", "/api/v1/admin/agreements", "admin", Access.ANY_AGENCY, 201, "agreement-new"),
            new Endpoint("PUT", "/api/v1/admin/agreements/" + AGREEMENT, "admin", Access.ANY_AGENCY, 200,
                    "agreement-same"),
            // Test-only (SchemaProbeController), but served by the node under test: covered all the same.
            new Endpoint("POST", "/api/v1/admin/test-probe/consent", "admin", Access.ANY_AGENCY, 200, "consent"),
            new Endpoint("POST", "/exchange/v1/requests", null, Access.SIGNED, 0, "unsigned-envelope"),
            new Endpoint("GET", "/exchange/v1/requests/" + PENDING, null, Access.SIGNED, 0, null),
            new Endpoint("POST", "/exchange/v1/checkpoints", null, Access.SIGNED, 0, "unsigned-envelope"),
            new Endpoint("POST", "/exchange/v1/referrals", null, Access.SIGNED, 0, "unsigned-envelope"),
            new Endpoint("POST", "/exchange/v1/referrals/" + REFERRAL + "/steps", null, Access.SIGNED, 0,
                    "unsigned-envelope"),
            // Figures without personal data: any role of any agency of the node; the node-to-node form is signed.
            new Endpoint("GET", "/api/v1/statistics/node" + PERIOD, null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/statistics/node.csv" + PERIOD, null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/statistics/region" + PERIOD, null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/api/v1/statistics/region.csv" + PERIOD, null, Access.ANY_ROLE, 200, null),
            new Endpoint("GET", "/exchange/v1/statistics" + PERIOD, null, Access.SIGNED, 0, null),
            new Endpoint("GET", "/.well-known/gateway-node", null, Access.PUBLIC, 200, null));

    /** Served by every node but not an operation of its API. */
    private static final Set<String> NOT_OPERATIONS = Set.of("/error");

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private static TestRegion region;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static String recordRef;

    @BeforeAll
    static void data() {
        region = TestRegion.shared();
        // A record of KZ-MIGRATION with a consent; a consent to withdraw; one withdrawn already.
        recordRef = "KZ-" + RUN + "-AMX";
        UUID record = RegionData.register(region, recordRef, "Matrixova");
        ids.put(RECORD, record.toString());
        RegionData.consent(region, record, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"",
                "2026-01-01", "2030-01-01");
        ids.put(CONSENT, RegionData.consent(region, record, "{ \"agency\": \"KG-SMS\" }", "FAMILY_TRACING",
                "\"FAMILY\"", "2026-01-01", "2030-01-01").toString());
        UUID withdrawn = RegionData.consent(region, record, "{ \"agency\": \"KG-SMS\" }", "FAMILY_TRACING",
                "\"FAMILY\"", "2026-01-01", "2030-01-01");
        ids.put("{withdrawn}", withdrawn.toString());
        created(200, Http.postJson(region.uri("kz", "/api/v1/records/" + record + "/consents/" + withdrawn
                + "/withdrawal"), region.token(OWNER, "registrar"), "{ \"reason\": \"withdrawn before the matrix\" }"));
        // A record of KZ-BORDER, the other agency of the node.
        ids.put("{borderRecord}", created(201, Http.postJson(region.uri("kz", "/api/v1/records"),
                region.token("KZ-BORDER", "registrar"), record("KZ-" + RUN + "-BMX", "1991-05-04", "AF"))).path("id")
                .asString());
        // A request sent by KZ-MIGRATION from node kz (to KG-SMS, about nobody on record there).
        ids.put(SENT, created(200, Http.postJson(region.uri("kz", "/api/v1/requests"), region.token(OWNER, "officer"),
                request("KZ-MIGRATION-MTX-0001"))).path("requestId").asString());
        // Requests of KG-SMS about a child held by KZ-MIGRATION wait for review at kz: one for the
        // reviewer's cell, one that stays in the queue, one decided already.
        String childRef = "KZ-" + RUN + "-CMX";
        UUID child = UUID.fromString(created(201, Http.postJson(region.uri("kz", "/api/v1/records"),
                region.token(OWNER, "registrar"), record(childRef, "2015-03-01", "AF"))).path("id").asString());
        RegionData.consent(region, child, "{ \"agency\": \"KG-SMS\" }", "RSD_CASE_PROCESSING", "\"CLAIM\"",
                "2026-01-01", "2030-01-01");
        ids.put(PENDING, pendingReview(childRef, "KG-SMS-MTX-" + RUN + "-1"));
        ids.put("{queued}", pendingReview(childRef, "KG-SMS-MTX-" + RUN + "-2"));
        String decided = pendingReview(childRef, "KG-SMS-MTX-" + RUN + "-3");
        ids.put("{decided}", decided);
        created(200, Http.postJson(region.uri("kz", "/api/v1/reviews/" + decided), region.token(OWNER, "reviewer"),
                "{ \"decision\": \"REJECT\", \"note\": \"decided before the matrix\" }"));
        // A screening recorded by a screener of KZ-MIGRATION.
        ids.put(SCREENING, created(201, Http.postJson(region.uri("kz", "/api/v1/screenings"),
                region.token(OWNER, "screener"), ScreeningData.adultAsylumSeeker("Matrixov"))).path("id").asString());
        // A child screened by KZ-MIGRATION, and a referral of it to child protection.
        ids.put("{childScreening}", created(201, Http.postJson(region.uri("kz", "/api/v1/screenings"),
                region.token(OWNER, "screener"), childInterview())).path("id").asString());
        ids.put(REFERRAL, freshReferral("SENT"));
        // An accepted referral from which the receiver already opened a record.
        String opened = freshReferral("ACCEPTED");
        created(201, Http.postJson(region.uri("kz", "/api/v1/referrals/" + opened + "/record"),
                region.token(RECEIVER, "registrar"), body("referral-record", RECEIVER)));
        ids.put("{opened}", opened);
        // An agreement of the node's own making, harmless to every other test: KZ with a state that
        // has no node, expired long ago.
        ids.put(AGREEMENT, "MTX-" + RUN);
        created(201, Http.postJson(region.uri("kz", "/api/v1/admin/agreements"), region.token(OWNER, "admin"),
                agreement("MTX-" + RUN)));
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            cells.add(cell(endpoint, "(no token)", "", expected(endpoint, null, null)));
            for (String agency : AGENCIES) {
                for (String role : ROLES) {
                    cells.add(cell(endpoint, role, agency, expected(endpoint, role, agency)));
                }
            }
        }
        // Beyond the grid: the owner's own unknown, duplicate, refused and mismatched cases.
        String registrar = "registrar";
        cells.add(extra("GET", "/api/v1/records/" + UUID.randomUUID(), null, registrar, OWNER, 404, "not_found"));
        cells.add(extra("PUT", "/api/v1/records/" + UUID.randomUUID(), "record-same", registrar, OWNER, 404, "not_found"));
        cells.add(extra("POST", "/api/v1/records", "record-same", registrar, OWNER, 409, "conflict"));
        cells.add(extra("POST", "/api/v1/records/" + UUID.randomUUID() + "/consents", "consent", registrar, OWNER, 404,
                "not_found"));
        cells.add(extra("POST", "/api/v1/records/" + RECORD + "/consents/{withdrawn}/withdrawal", "withdrawal", registrar,
                OWNER, 409, "conflict"));
        cells.add(extra("POST", "/api/v1/records/" + RECORD + "/consents/" + UUID.randomUUID() + "/withdrawal",
                "withdrawal", registrar, OWNER, 404, "not_found"));
        // A consent of KZ-MIGRATION's record, named under KZ-BORDER's own record: not found.
        cells.add(extra("POST", "/api/v1/records/{borderRecord}/consents/" + CONSENT + "/withdrawal", "withdrawal",
                registrar, "KZ-BORDER", 404, "not_found"));
        cells.add(extra("GET", "/api/v1/records/{borderRecord}", null, registrar, OWNER, 404, "not_found"));
        cells.add(extra("GET", "/api/v1/records/{borderRecord}", null, registrar, "KZ-BORDER", 200, null));
        cells.add(extra("POST", "/api/v1/requests", "request-boilerplate", "officer", OWNER, 422,
                "justification_insufficient"));
        // A request received by the node is not one its officers sent.
        cells.add(extra("GET", "/api/v1/requests/" + PENDING, null, "officer", OWNER, 404, "not_found"));
        cells.add(extra("GET", "/api/v1/requests/" + UUID.randomUUID(), null, "officer", OWNER, 404, "not_found"));
        // A request the node sent is not one its reviewers decide; a decided one is not decided twice.
        cells.add(extra("POST", "/api/v1/reviews/" + SENT, "review", "reviewer", OWNER, 404, "not_found"));
        cells.add(extra("POST", "/api/v1/reviews/{decided}", "review", "reviewer", OWNER, 409, "conflict"));
        cells.add(extra("POST", "/api/v1/reviews/{decided}", "review", "reviewer", "KZ-BORDER", 404, "not_found"));
        cells.add(extra("GET", "/api/v1/screenings/" + UUID.randomUUID(), null, "screener", OWNER, 404, "not_found"));
        cells.add(extra("GET", "/api/v1/screenings/questionnaire?lang=xx", null, "officer", OWNER, 400,
                "invalid_parameter"));
        // The receiving agency: its registrar reads and takes each step; its screener reads but takes no step.
        cells.add(extra("GET", "/api/v1/referrals/" + REFERRAL, null, "registrar", RECEIVER, 200, null));
        cells.add(extra("GET", "/api/v1/referrals/" + REFERRAL, null, "screener", RECEIVER, 200, null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-sent}/acknowledgement", "step", "registrar", RECEIVER, 200, null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-sent}/acknowledgement", "step", "screener", RECEIVER, 403,
                "role_not_permitted"));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-received}/acceptance", "step", "registrar", RECEIVER, 200, null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-received}/decline", "step-reason", "registrar", RECEIVER, 200,
                null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-accepted}/completion", "step-completion", "registrar", RECEIVER,
                200, null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-sent}/revocation", "step-reason", "registrar", RECEIVER, 404,
                "not_found"));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-accepted}/acknowledgement", "step", "registrar", RECEIVER, 409,
                "conflict"));
        cells.add(extra("GET", "/api/v1/referrals/" + UUID.randomUUID(), null, "screener", OWNER, 404, "not_found"));
        // The slip: the receiver prints it too; nobody prints an unknown referral or in an unknown language.
        cells.add(extra("GET", "/api/v1/referrals/" + REFERRAL + "/slip", null, "registrar", RECEIVER, 200, null));
        cells.add(extra("GET", "/api/v1/referrals/" + REFERRAL + "/slip?lang=ru", null, "screener", OWNER, 200, null));
        cells.add(extra("GET", "/api/v1/referrals/" + REFERRAL + "/slip?lang=xx", null, "screener", OWNER, 400,
                "invalid_parameter"));
        cells.add(extra("GET", "/api/v1/referrals/" + UUID.randomUUID() + "/slip", null, "registrar", RECEIVER, 404,
                "not_found"));
        // A record from a referral: the receiver's registrar only, an accepted referral only, once only.
        cells.add(extra("POST", "/api/v1/referrals/{fresh-accepted}/record", "referral-record", "registrar", RECEIVER,
                201, null));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-accepted}/record", "referral-record", "screener", RECEIVER,
                403, "role_not_permitted"));
        cells.add(extra("POST", "/api/v1/referrals/{fresh-received}/record", "referral-record", "registrar", RECEIVER,
                409, "referral_not_accepted"));
        cells.add(extra("POST", "/api/v1/referrals/{opened}/record", "referral-record", "registrar", RECEIVER, 409,
                "referral_already_opened"));
        cells.add(extra("GET", "/api/v1/directory/reference-guide?lang=ru", null, "liaison", "UNHCR-KZ", 200, null));
        cells.add(extra("GET", "/api/v1/directory/reference-guide?lang=xx", null, "officer", OWNER, 400,
                "invalid_parameter"));
        cells.add(extra("GET", "/api/v1/admin/agreements/NO-SUCH-" + RUN, null, "admin", OWNER, 404, "not_found"));
        cells.add(extra("POST", "/api/v1/admin/agreements", "agreement-same", "admin", OWNER, 409, "conflict"));
        cells.add(extra("PUT", "/api/v1/admin/agreements/" + AGREEMENT, "agreement-new", "admin", OWNER, 400,
                "invalid_value"));
        return cells.stream();
    }

    private static Arguments cell(Endpoint endpoint, String role, String agency, Expect expect) {
        return Arguments.of(endpoint.operation(), endpoint.body(), role, agency, expect.status(), expect.code());
    }

    private static Arguments extra(String method, String path, String body, String role, String agency, int status,
            String code) {
        return Arguments.of(method + " " + path, body, role, agency, status, code);
    }

    /** A cell's status, and its problem code (none for a success). */
    private record Expect(int status, String code) {
    }

    private static final Expect NO_TOKEN = new Expect(401, "authentication_required");
    private static final Expect NOT_OF_NODE = new Expect(401, "agency_not_of_node");
    private static final Expect WRONG_ROLE = new Expect(403, "role_not_permitted");
    private static final Expect NOT_FOUND = new Expect(404, "not_found");
    private static final Expect UNSIGNED = new Expect(400, "envelope_malformed");

    /** The outcome of one cell; {@code role} and {@code agency} are null for the call without a token. */
    private static Expect expected(Endpoint endpoint, String role, String agency) {
        boolean otherNode = OTHER_NODE.equals(agency);
        switch (endpoint.access()) {
            case PUBLIC:
                return otherNode ? NOT_OF_NODE : new Expect(200, null);
            case SIGNED:
                // A bearer token grants nothing here; a token of another node's agency is refused as such.
                return otherNode ? NOT_OF_NODE : UNSIGNED;
            default:
                if (agency == null) {
                    return NO_TOKEN;
                }
                if (otherNode) {
                    return NOT_OF_NODE;
                }
                if (endpoint.role() != null && !List.of(endpoint.role().split("\\|")).contains(role)) {
                    return WRONG_ROLE;
                }
                if (endpoint.access() == Access.RECEIVER) {
                    return NOT_FOUND;
                }
                if (endpoint.access() == Access.OWN_AGENCY && !agency.equals(OWNER)) {
                    return NOT_FOUND;
                }
                return new Expect(endpoint.success(), null);
        }
    }

    @ParameterizedTest(name = "{0} as {2} of {3} -> {4} {5}")
    @MethodSource("cells")
    void cell(String operation, String body, String role, String agency, int status, String code) {
        String[] parts = resolve(operation).split(" ", 2);
        String token = agency.isEmpty() ? null : region.token(agency, role);
        HttpResponse<String> response = call(parts[0], parts[1], token, body, agency);
        if (code != null) {
            Problems.assertProblem(response, status, code);
            return;
        }
        assertEquals(status, response.statusCode(), () -> operation + ": " + response.body());
        if (operation.contains("/slip") || operation.contains(".pdf")) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), operation);
            assertTrue(response.body().startsWith("%PDF-"), operation);
            return;
        }
        if (operation.contains(".csv")) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), operation);
            assertTrue(response.body().startsWith(operation.contains("region") ? "population," : "node,"), response::body);
            return;
        }
        JsonNode answer = Problems.json(response.body());
        switch (operation) {
            case "GET /api/v1/records/" + RECORD, "PUT /api/v1/records/" + RECORD ->
                    assertEquals(ids.get(RECORD), answer.path("id").asString());
            case "GET /api/v1/records/" + RECORD + "/consents" ->
                    assertEquals(ids.get(RECORD), answer.path("recordId").asString());
            case "GET /api/v1/referrals/" + REFERRAL -> assertEquals(ids.get(REFERRAL), answer.path("id").asString());
            case "GET /api/v1/referrals" -> assertTrue(answer.path("referrals").isArray(), answer::toString);
            case "POST /api/v1/referrals" -> assertEquals("SENT", answer.path("status").asString());
            case "POST /api/v1/referrals/{fresh-accepted}/record" -> assertEquals("CHILD_BEST_INTEREST",
                    answer.path("basis").asString(), answer::toString);
            case "GET /api/v1/directory/reference-guide", "GET /api/v1/directory/reference-guide?lang=ru" -> assertEquals(
                    "UNHCR-KZ", answer.path("sections").get(4).path("agencies").get(0).path("agencyId").asString());
            case "GET /api/v1/screenings/questionnaire" -> assertEquals("annex1", answer.path("id").asString());
            case "GET /api/v1/screenings/" + SCREENING -> assertEquals(ids.get(SCREENING), answer.path("id").asString());
            case "POST /api/v1/screenings/" + SCREENING + "/consent-withdrawal" ->
                    assertEquals(ids.get(SCREENING), answer.path("screeningId").asString());
            case "POST /api/v1/screenings" -> assertEquals("POTENTIAL_ASYLUM_SEEKER",
                    answer.path("indicators").get(0).path("indicator").asString());
            case "GET /api/v1/requests/" + SENT -> assertEquals(ids.get(SENT), answer.path("requestId").asString());
            case "POST /api/v1/reviews/" + PENDING -> assertEquals(ids.get(PENDING), answer.path("requestId").asString());
            // Every reviewer of the node gets a queue, but only its own agency's requests are in it.
            case "GET /api/v1/reviews" -> assertEquals(agency.equals(OWNER),
                    answer.path("reviews").toString().contains(ids.get("{queued}")), answer::toString);
            case "GET /api/v1/admin/agreements/" + AGREEMENT ->
                    assertEquals(ids.get(AGREEMENT), answer.path("agreementId").asString());
            case "GET /.well-known/gateway-node" -> assertEquals("kz", answer.path("nodeId").asString());
            case "GET /api/v1/statistics/node" + PERIOD -> assertEquals("kz", answer.path("node").asString());
            // Every node of the region answered with figures that verified.
            case "GET /api/v1/statistics/region" + PERIOD -> assertEquals(3,
                    answer.path("nodes").findValues("verified").stream().filter(JsonNode::asBoolean).count(),
                    answer::toString);
            default -> assertTrue(answer.isObject(), response.body());
        }
    }

    /**
     * Hostile spellings of the grid's requests: a percent-encoded letter is the same path and gets
     * exactly the same cell; an ambiguous encoding is refused whoever asks; a token whose subject
     * carries control characters or outgrows the log's actor column is no credential.
     */
    static Stream<Arguments> hostileCells() {
        List<Arguments> cells = new ArrayList<>();
        String encodedRecord = "/%61pi/v1/records/" + RECORD;
        cells.add(Arguments.of("GET " + encodedRecord, "registrar", OWNER, "test", 200, null));
        cells.add(Arguments.of("GET " + encodedRecord, "registrar", "KZ-BORDER", "test", 404, "not_found"));
        cells.add(Arguments.of("GET " + encodedRecord, "officer", OWNER, "test", 403, "role_not_permitted"));
        cells.add(Arguments.of("GET " + encodedRecord, "registrar", OTHER_NODE, "test", 401, "agency_not_of_node"));
        cells.add(Arguments.of("GET /api/v1/%61udit/verify", "registrar", OWNER, "test", 403, "role_not_permitted"));
        cells.add(Arguments.of("GET /api/v1/%61udit/verify", "dpo", OWNER, "test", 200, null));
        for (String role : ROLES) {
            cells.add(Arguments.of("GET /api/v1/records/" + RECORD + "/%2e%2e/{borderRecord}", role, OWNER, "test", 400,
                    "malformed_request"));
            cells.add(Arguments.of("GET /api/v1/directory/agencies%2F..%2F..%2Faudit%2Fverify", role, OWNER, "test", 400,
                    "malformed_request"));
            cells.add(Arguments.of("GET /api/v1/audit;x=1/verify", role, OWNER, "test", 400, "malformed_request"));
            cells.add(Arguments.of("GET /api/v1/records/" + RECORD, role, OWNER, "line-break", 401, "invalid_token"));
            cells.add(Arguments.of("GET /api/v1/records/" + RECORD, role, OWNER, "overlong", 401, "invalid_token"));
            cells.add(Arguments.of("GET /api/v1/directory/agencies", role, OWNER + "+NUL", "test", 401, "invalid_token"));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} of {2} ({3} subject) -> {4} {5}")
    @MethodSource("hostileCells")
    void hostileCell(String operation, String role, String agency, String subject, int status, String code) {
        String[] parts = resolve(operation).split(" ", 2);
        String name = switch (subject) {
            case "line-break" -> "test." + role + "@kz\r\nFORGED test." + role;
            case "overlong" -> "t".repeat(201);
            default -> "test." + role + "@" + agency.toLowerCase();
        };
        String claimed = agency.replace("+NUL", "\u0000");
        String token = region.tokens().mint(claimed, List.of(role), name, Instant.now(), java.time.Duration.ofMinutes(10));
        HttpResponse<String> response = Http.get(region.uri("kz", parts[1]), token);
        if (code != null) {
            Problems.assertProblem(response, status, code);
            return;
        }
        assertEquals(status, response.statusCode(), () -> operation + ": " + response.body());
        assertTrue(Problems.json(response.body()).isObject(), response.body());
    }

    @Test
    @DisplayName("every operation node kz serves is covered by this matrix or by the audit and liaison matrix")
    void everyServedOperationIsCovered() {
        var mapping = region.start("kz").getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (NOT_OPERATIONS.contains(pattern)) {
                    continue;
                }
                Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                if (verbs.isEmpty()) {
                    served.add("ANY " + anyVariable(pattern)); // every method: no list covers it by accident
                }
                verbs.forEach(verb -> served.add(verb.name() + " " + anyVariable(pattern)));
            }
        });
        Set<String> covered = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> covered.add(anyVariable(endpoint.operation()).replaceAll("\\?.*", "")));
        AuditAndLiaisonAuthorizationIT.AUDIT.forEach(operation -> covered.add(anyVariable(operation)));
        AuditAndLiaisonAuthorizationIT.LIAISON.forEach(operation -> covered.add(anyVariable(operation)));
        assertTrue(served.size() > 20, served.toString());
        Set<String> uncovered = new TreeSet<>(served);
        uncovered.removeAll(covered);
        assertEquals(Set.of(), uncovered, "served by the node but in no authorization matrix");
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(served);
        assertEquals(Set.of(), stale, "in a matrix but not served by the node");
    }

    // --- calls and bodies ------------------------------------------------------------------

    private static HttpResponse<String> call(String method, String path, String token, String body, String agency) {
        if (body == null) {
            return Http.get(region.uri("kz", path), token);
        }
        if (body.equals("unsigned-envelope")) {
            return Http.post(region.uri("kz", path), token, "application/jose",
                    unsignedEnvelope().getBytes(StandardCharsets.US_ASCII));
        }
        return Http.json(method, region.uri("kz", path), token, body(body, agency));
    }

    private static String body(String kind, String agency) {
        int serial = SERIAL.incrementAndGet();
        return switch (kind) {
            case "record-new" -> record("KZ-" + RUN + "-N" + serial, "1991-05-04", "AF");
            case "record-same" -> record(recordRef, "1991-05-04", "AF");
            case "consent" -> """
                    { "recipients": [ { "agency": "KG-SMS" } ], "purposes": ["FAMILY_TRACING"], "categories": ["FAMILY"],
                      "validFrom": "2026-01-01", "validUntil": "2030-01-01", "givenBy": "SUBJECT",
                      "informedInLanguage": "prs", "interpreterPresent": true }""";
            case "withdrawal" -> "{ \"reason\": \"The person withdrew consent at the interview.\" }";
            case "screening" -> ScreeningData.adultAsylumSeeker("Matrixova");
            case "referral" -> referral();
            case "step" -> "{}";
            case "step-reason" -> "{ \"reason\": \"Recorded by the authorization matrix.\" }";
            case "step-completion" -> "{ \"successful\": true }";
            case "referral-record" -> """
                    { "holderRecordRef": "KZ-CP-%s-%d", "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-12-01" },
                      "identity": { "familyName": "Matrixov", "nationalities": ["AF"] } }""".formatted(RUN, serial);
            case "request" -> request((agency.isEmpty() ? "ANON" : agency) + "-MTX-" + RUN + "-" + serial);
            case "request-boilerplate" -> """
                    { "holderAgency": "KG-SMS", "subject": { "holderRecordRef": "KG-MTX-NOBODY" },
                      "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KZ-MTX-0002",
                      "justification": "For official purposes in accordance with the law.",
                      "categories": ["IDENTITY"], "urgency": "ROUTINE" }""";
            case "review" -> "{ \"decision\": \"REJECT\", \"note\": \"Not in the child's best interest to share now.\" }";
            case "agreement-new" -> agreement("MTX-" + RUN + "-" + serial);
            case "agreement-same" -> agreement(ids.get(AGREEMENT));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String resolve(String text) {
        String resolved = text;
        // A referral of its own for each cell that moves one: a step taken is not taken twice.
        for (String status : List.of("sent", "received", "accepted")) {
            if (resolved.contains("{fresh-" + status + "}")) {
                resolved = resolved.replace("{fresh-" + status + "}", freshReferral(status.toUpperCase()));
            }
        }
        for (var id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        return resolved;
    }

    private static String childInterview() {
        return ScreeningData.interview("\"givenNames\": \"Matrix\", \"dateOfBirth\": \"2012-05-01\","
                + " \"accompaniment\": \"ALONE\"", "", "\"UNACCOMPANIED_OR_SEPARATED_CHILD\"");
    }

    private static String referral() {
        return """
                { "screeningId": "%s", "toAgency": "%s", "type": "CHILD_PROTECTION",
                  "categories": ["IDENTITY", "SPECIFIC_NEEDS"], "bestInterestReason": "Alone at the post at night." }"""
                .formatted(ids.get("{childScreening}"), RECEIVER);
    }

    /** A referral of KZ-MIGRATION to the receiver, moved by the receiver's registrar to {@code status}. */
    private static String freshReferral(String status) {
        String id = created(201, Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token(OWNER, "screener"),
                referral())).path("id").asString();
        String receiver = region.token(RECEIVER, "registrar");
        if (!status.equals("SENT")) {
            created(200, Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acknowledgement"), receiver, "{}"));
        }
        if (status.equals("ACCEPTED")) {
            created(200, Http.postJson(region.uri("kz", "/api/v1/referrals/" + id + "/acceptance"), receiver, "{}"));
        }
        return id;
    }

    private static String anyVariable(String operation) {
        return operation.replaceAll("\\{[^}]+}", "{}");
    }

    private static String record(String ref, String birth, String nationality) {
        return """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Matrixov", "givenNames": "Rustam", "sex": "M", "dateOfBirth": "%s",
                                "nationalities": ["%s"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "Fears reprisals after testifying.", "grounds": ["POLITICAL_OPINION"],
                             "countriesOfFear": ["AF"] } }""".formatted(ref, birth, nationality);
    }

    private static String request(String caseRef) {
        return """
                { "holderAgency": "KG-SMS", "subject": { "holderRecordRef": "KG-MTX-%s-NOBODY" },
                  "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "%s",
                  "justification": "%s", "categories": ["IDENTITY", "CASE_STATUS"], "urgency": "ROUTINE" }"""
                .formatted(RUN, caseRef, RegionData.JUSTIFICATION.formatted(caseRef));
    }

    private static String agreement(String id) {
        return """
                { "agreementId": "%s", "parties": [ { "country": "KZ" }, { "country": "UZ" } ],
                  "purposes": [ { "purpose": "DOCUMENT_VERIFICATION", "categories": ["IDENTITY"] } ],
                  "validFrom": "2000-01-01", "validUntil": "2000-12-31" }""".formatted(id);
    }

    /** What a bearer-token client might post: a request envelope of kg's shape, but with no signature. */
    private static String unsignedEnvelope() {
        String kid = region.start("kg").getBean(NodeProperties.class).signingKeys().get(0).kid();
        String header = "{\"alg\":\"none\",\"kid\":\"" + kid + "\",\"typ\":\"gateway-request+jwt\"}";
        String payload = """
                { "iss": "kg", "aud": "kz", "iat": %d, "jti": "%s", "requestId": "%s", "requesterAgency": "KG-SMS",
                  "officer": "test.officer@kg-sms", "request": %s }""".formatted(Instant.now().getEpochSecond(),
                UUID.randomUUID(), UUID.randomUUID(), request("KG-SMS-MTX-" + RUN));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String pendingReview(String childRef, String caseRef) {
        JsonNode outcome = created(200, RegionData.askFromKg(region, childRef, caseRef,
                "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\""));
        assertEquals("PENDING_REVIEW", outcome.path("outcome").asString(), outcome::toString);
        return outcome.path("requestId").asString();
    }

    private static JsonNode created(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        return Problems.json(response.body());
    }
}
