package org.regionalexchange.gateway.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jose4j.jws.JsonWebSignature;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/performance.md R4: bad input never causes a 5xx or leaks internals. Every operation the node serves
 * (found in its handler mappings, so a new endpoint is covered without editing this test) gets a
 * corpus of malformed, oversize, deeply nested, invalid UTF-8, wrong-type, unknown-enum and huge
 * inputs, with a token of the role its path requires; every answer must be a 4xx problem+json.
 */
class BadInputCorpusIT {

    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(exception|org\\.springframework|org\\.hibernate|java\\.lang|sqlstate|\\bat [a-z]+\\.[a-z]+\\.)");
    /** Path prefix → the role its operations require (security.SecurityConfiguration). */
    private static final Map<String, String> ROLE_BY_PREFIX = new LinkedHashMap<>();

    static {
        ROLE_BY_PREFIX.put("/api/v1/records", "registrar");
        ROLE_BY_PREFIX.put("/api/v1/requests", "officer");
        ROLE_BY_PREFIX.put("/api/v1/reviews", "reviewer");
        ROLE_BY_PREFIX.put("/api/v1/liaison", "liaison");
        ROLE_BY_PREFIX.put("/api/v1/audit", "dpo");
        ROLE_BY_PREFIX.put("/api/v1/admin", "admin");
        ROLE_BY_PREFIX.put("/api/v1/directory", "officer");
        ROLE_BY_PREFIX.put("/api/v1/screenings", "screener");
        ROLE_BY_PREFIX.put("/api/v1/referrals", "screener");
        ROLE_BY_PREFIX.put("/api/v1/statistics", "officer");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Queries each alone, so that no other bad parameter answers first: years no log holds, control characters. */
    private static final List<String> BAD_QUERIES = List.of("?from=%2B99999-01-01T00:00:00Z", "?to=-5000-01-01T00:00:00Z",
            "?from=0000-01-01T00:00:00Z", "?to=%2B1000000000-12-31T23:59:59Z", "?actor=a%0d%0aFORGED", "?agency=%00",
            "?x%00y=1", "?page=99999999999999999999");

    /** One bad input: its name, content type and bytes. */
    record BadBody(String name, String contentType, byte[] bytes) {
    }

    static List<BadBody> corpus() {
        List<BadBody> corpus = new ArrayList<>();
        corpus.add(json("empty", ""));
        corpus.add(json("truncated", "{\"holderAgency\": \"KZ-MIGRATION\", \"subject\": {"));
        corpus.add(json("not json", "holderAgency=KZ-MIGRATION"));
        corpus.add(json("array", "[1, 2, 3]"));
        corpus.add(json("scalar", "42"));
        corpus.add(json("null", "null"));
        corpus.add(json("duplicate key", "{\"a\": 1, \"a\": 2}"));
        corpus.add(json("trailing content", "{} {}"));
        corpus.add(json("wrong types", "{\"holderAgency\": 7, \"subject\": [], \"purpose\": {}, \"categories\": \"CLAIM\","
                + " \"identity\": 1, \"caseStatus\": true, \"recipients\": \"KG\", \"decision\": 3, \"reason\": []}"));
        corpus.add(json("unknown enums", "{\"purpose\": \"CURIOSITY\", \"categories\": [\"EVERYTHING\"],"
                + " \"decision\": \"MAYBE\", \"legalBasis\": \"BECAUSE\", \"givenBy\": \"NEIGHBOUR\"}"));
        corpus.add(json("huge string", "{\"justification\": \"" + "x".repeat(200_000) + "\", \"reason\": \""
                + "y".repeat(50_000) + "\"}"));
        corpus.add(json("oversize", "{\"padding\": \"" + "z".repeat(2_000_000) + "\"}"));
        corpus.add(json("deeply nested", "[".repeat(100_000) + "]".repeat(100_000)));
        corpus.add(json("deeply nested objects", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)));
        corpus.add(json("huge number", "{\"iat\": 1" + "0".repeat(5_000) + "}"));
        corpus.add(json("control characters", "{\"reason\": \"\u0000\u0001\u001f\"}"));
        corpus.add(json("escaped NUL in every free text", "{\"reason\": \"a\\u0000b\", \"note\": \"c\\u0000d\","
                + " \"justification\": \"e\\u0000f\", \"decision\": \"REJECT\"}"));
        corpus.add(json("escaped NUL in a key", "{\"a\\u0000b\": 1}"));
        corpus.add(json("lone surrogate", "{\"reason\": \"a\\ud800b\", \"note\": \"\\udfff\"}"));
        byte[] invalidUtf8 = "{\"reason\": \"ab\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[12] = (byte) 0xC3;
        invalidUtf8[13] = (byte) 0x28;
        corpus.add(new BadBody("invalid UTF-8", "application/json", invalidUtf8));
        corpus.add(new BadBody("overlong UTF-8", "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
        // A checkpoint to verify: not a JWS, not a string, unsigned, oversize, misquoted beside the JWS.
        corpus.add(json("checkpoint not a jws", "{\"checkpoint\": \"a.b.c\"}"));
        corpus.add(json("checkpoint not a string", "{\"checkpoint\": 42, \"lanes\": \"all\"}"));
        corpus.add(json("checkpoint unsigned", "{\"checkpoint\": \"" + unsignedCheckpoint() + "\"}"));
        corpus.add(json("checkpoint oversize", "{\"checkpoint\": \"" + "A".repeat(20_000) + ".B.C\"}"));
        corpus.add(json("checkpoint misquoted", "{\"headEventId\": -1, \"lanes\": [1, 2], \"checkpoint\": \""
                + unsignedCheckpoint() + "\"}"));
        corpus.add(new BadBody("xml", "application/xml", "<a>1</a>".getBytes(StandardCharsets.UTF_8)));
        corpus.add(new BadBody("jose garbage", "application/jose", "a.b.c".getBytes(StandardCharsets.US_ASCII)));
        corpus.add(new BadBody("jose huge", "application/jose", ("e30." + "A".repeat(1_100_000) + ".AA")
                .getBytes(StandardCharsets.US_ASCII)));
        corpus.add(new BadBody("jose unicode", "application/jose", "é.ü.ß".getBytes(StandardCharsets.UTF_8)));
        return corpus;
    }

    /** A checkpoint's shape with {@code alg: none} and no signature. */
    private static String unsignedCheckpoint() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        StringBuilder lanes = new StringBuilder();
        for (int lane = 0; lane < 16; lane++) {
            lanes.append(lane == 0 ? "" : ",").append("{\"lane\":").append(lane)
                    .append(",\"lastEventId\":0,\"lastHash\":\"").append("0".repeat(64)).append("\",\"events\":0}");
        }
        String header = "{\"alg\":\"none\",\"kid\":\"kz-1\",\"typ\":\"gateway-checkpoint+jwt\"}";
        String payload = "{\"iss\":\"kz\",\"aud\":\"kz\",\"iat\":1,\"jti\":\"x\",\"nodeId\":\"kz\","
                + "\"headEventId\":0,\"headHash\":\"" + "0".repeat(64) + "\",\"events\":0,\"lanes\":[" + lanes
                + "],\"at\":\"2026-01-01T00:00:00Z\"}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static BadBody json(String name, String text) {
        return new BadBody(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every operation answers every bad input with a 4xx problem, never a 5xx or an internal detail")
    void noServerErrorOnBadInput() throws Exception {
        TestRegion region = TestRegion.shared();
        var mapping = region.start("kz").getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> operations = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(verb -> operations.add(verb.name() + " " + pattern))));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String operation : operations) {
            String verb = operation.substring(0, operation.indexOf(' '));
            String pattern = operation.substring(operation.indexOf(' ') + 1);
            if (pattern.equals("/error") || pattern.startsWith("${")) {
                continue;
            }
            String token = token(region, pattern);
            for (String path : paths(pattern)) {
                if (verb.equals("GET")) {
                    checked += check(failures, operation, send(region, verb, path, token, null), "GET " + path);
                    checked += check(failures, operation, send(region, verb, path + "?page=-1&size=abc&from=yesterday"
                            + "&recordId=%00&outcome=" + "x".repeat(5000), token, null), "GET with bad query");
                    for (String query : BAD_QUERIES) {
                        checked += check(failures, operation, send(region, verb, path + query, token, null),
                                "GET " + query);
                    }
                    for (String encoded : ambiguous(path)) {
                        HttpResponse<String> response = send(region, verb, encoded, token, null);
                        checked += check(failures, operation, response, "GET " + encoded);
                        if (response.statusCode() != 400 || !response.body().contains("\"code\":\"malformed_request\"")) {
                            failures.add(operation + " [GET " + encoded + "]: not 400 malformed_request: "
                                    + response.statusCode() + " " + abbreviate(response.body()));
                        }
                    }
                    continue;
                }
                for (BadBody body : corpus()) {
                    checked += check(failures, operation, send(region, verb, path, token, body), body.name());
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked + " answers");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A body that an operation takes, valid but for {@code \\u0000} where it says {@code @}, and the field that holds it. */
    private record ControlCase(String operation, String path, String role, String body, String field) {
    }

    private static List<ControlCase> controlCases() {
        String id = UUID.randomUUID().toString();
        String record = """
                { "holderRecordRef": "KZ-CTL-0001", "identity": { "familyName": "%s", "givenNames": "Lola",
                  "nationalities": ["AF"] }, "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" },
                  "claim": { "summary": "%s" } }""";
        String consent = """
                { "recipients": [ { "agency": "KG-SMS" } ], "purposes": ["FAMILY_TRACING"], "categories": ["FAMILY"],
                  "validFrom": "2026-01-01", "givenBy": "SUBJECT", "informedInLanguage": "prs",
                  "interpreterPresent": true, "evidenceRef": "scan@" }""";
        String request = """
                { "holderAgency": "KG-SMS", "subject": { "identity": { "familyName": "%s", "givenNames": "Lola",
                  "dateOfBirth": "1990" } }, "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT",
                  "requesterCaseRef": "KZ-CTL-0001", "justification": "%s", "categories": ["IDENTITY"] }""";
        String justification = "Applicant states she lodged a claim in Bishkek in 2025; we must establish its outcome"
                + " before deciding her claim under our case KZ-CTL-0001.";
        String agreement = """
                { "agreementId": "CTL@", "parties": [ { "country": "KZ" }, { "country": "UZ" } ],
                  "purposes": [ { "purpose": "DOCUMENT_VERIFICATION", "categories": ["IDENTITY"] } ],
                  "validFrom": "2000-01-01" }""";
        String screening = """
                { "place": "KZ-BCP-ZHIBEK-ZHOLY", "interviewedAt": "2026-11-30T08:15:00Z", "language": "prs",
                  "interpreterPresent": true, "informed": ["PROCEDURE"], "person": { "familyName": "%s" },
                  "answers": { "reasonsForLeaving": ["OTHER"], "specify": { "reasonsForLeaving": "%s" } } }""";
        String referral = """
                { "screeningId": "%s", "toAgency": "KZ-CHILD-PROTECTION", "type": "CHILD_PROTECTION",
                  "categories": ["IDENTITY"], "bestInterestReason": "Alone at night.", "note": "Uncle in Almaty@" }"""
                .formatted(id);
        List<ControlCase> steps = new ArrayList<>();
        for (String step : List.of("acknowledgement", "acceptance", "decline", "completion", "revocation")) {
            steps.add(new ControlCase("POST /api/v1/referrals/{id}/" + step, "/api/v1/referrals/" + id + "/" + step,
                    "screener", "{ \"reason\": \"Not@ now\" }", "reason"));
        }
        List<ControlCase> cases = new ArrayList<>(steps);
        cases.add(new ControlCase("POST /api/v1/referrals", "/api/v1/referrals", "screener", referral, "note"));
        cases.add(new ControlCase("POST /api/v1/referrals/{id}/record", "/api/v1/referrals/" + id + "/record", "registrar",
                "{ \"holderRecordRef\": \"KZ-CP-0001\", \"identity\": { \"familyName\": \"Nul@ova\" } }",
                "identity.familyName"));
        cases.add(new ControlCase("POST /api/v1/screenings/{id}/consent-withdrawal", "/api/v1/screenings/" + id
                + "/consent-withdrawal", "screener", "{ \"reason\": \"Withdrawn @ at the border\" }", "reason"));
        cases.add(new ControlCase("POST /api/v1/audit/checkpoints/verify", "/api/v1/audit/checkpoints/verify", "dpo",
                "{ \"checkpoint\": \"a@.b.c\" }", "checkpoint"));
        cases.addAll(List.of(
                new ControlCase("POST /api/v1/screenings", "/api/v1/screenings", "screener",
                        screening.formatted("Nul@ova", "Land dispute"), "person.familyName"),
                new ControlCase("POST /api/v1/screenings", "/api/v1/screenings", "screener",
                        screening.formatted("Nulova", "Land@ dispute"), "answers.specify.reasonsForLeaving"),
                new ControlCase("POST /api/v1/records", "/api/v1/records", "registrar",
                        record.formatted("Nul@ova", "Threatened."), "identity.familyName"),
                new ControlCase("PUT /api/v1/records/{id}", "/api/v1/records/" + id, "registrar",
                        record.formatted("Nulova", "Threatened@ for teaching."), "claim.summary"),
                new ControlCase("POST /api/v1/records/{recordId}/consents", "/api/v1/records/" + id + "/consents",
                        "registrar", consent, "evidenceRef"),
                new ControlCase("POST /api/v1/records/{recordId}/consents/{consentId}/withdrawal",
                        "/api/v1/records/" + id + "/consents/" + id + "/withdrawal", "registrar",
                        "{ \"reason\": \"Withdrawn @ at the interview\" }", "reason"),
                new ControlCase("POST /api/v1/requests", "/api/v1/requests", "officer",
                        request.formatted("Nulova", justification + "@"), "justification"),
                new ControlCase("POST /api/v1/requests", "/api/v1/requests", "officer",
                        request.formatted("Nul@ova", justification), "subject.identity.familyName"),
                new ControlCase("POST /api/v1/reviews/{requestId}", "/api/v1/reviews/" + id, "reviewer",
                        "{ \"decision\": \"REJECT\", \"note\": \"Not now@\" }", "note"),
                new ControlCase("POST /api/v1/admin/agreements", "/api/v1/admin/agreements", "admin", agreement,
                        "agreementId"),
                new ControlCase("PUT /api/v1/admin/agreements/{agreementId}", "/api/v1/admin/agreements/CTL", "admin",
                        agreement, "agreementId"),
                new ControlCase("POST /api/v1/admin/test-probe/consent", "/api/v1/admin/test-probe/consent", "admin",
                        consent, "evidenceRef")));
        return cases;
    }

    @Test
    @DisplayName("every operation that takes a JSON body gets one that is valid but for a NUL or another control character in one string; result: 400 schema_violation naming that field, never a 409 or a 5xx")
    void controlCharactersAreRefusedInEveryBody() throws Exception {
        TestRegion region = TestRegion.shared();
        var mapping = region.start("kz").getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> takingBodies = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            boolean schemaBody = java.util.Arrays.stream(method.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(SchemaBody.class));
            if (schemaBody) {
                info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> takingBodies.add(verb.name() + " " + pattern)));
            }
        });
        Set<String> covered = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (ControlCase control : controlCases()) {
            covered.add(control.operation());
            for (String character : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u009b", "\\ud800")) {
                BadBody body = json(control.field() + " " + character, control.body().replace("@", character));
                HttpResponse<String> response = send(region, control.operation().split(" ")[0], control.path(),
                        region.token("KZ-MIGRATION", control.role()), body);
                var problem = response.statusCode() == 400 ? Problems.json(response.body()) : null;
                if (problem == null || !problem.path("code").asString().equals("schema_violation")
                        || !Problems.fields(problem).contains(control.field())) {
                    failures.add(control.operation() + " [" + body.name() + "]: " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            }
        }
        assertTrue(covered.containsAll(takingBodies), "operations taking a body without a case: " + takingBodies);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("kg signs a request envelope whose iat is no sane time (1e18, negative, past year 9999, a string); result: kz answers 400 envelope_malformed")
    void insaneIssueTimesAreMalformedEnvelopes() {
        TestRegion region = TestRegion.shared();
        var key = region.start("kg").getBean(NodeProperties.class).signingKeys().get(0);
        for (String iat : List.of("1000000000000000000", "-1", "-1000000000000000000", "253402300800",
                "9223372036854775807", "\"1764000000\"", "1.7e9")) {
            String payload = "{\"iss\":\"kg\",\"aud\":\"kz\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + iat + "}";
            String envelope = signed(key, payload);
            var response = Http.post(region.uri("kz", "/exchange/v1/requests"), null, "application/jose",
                    envelope.getBytes(StandardCharsets.US_ASCII));
            Problems.assertProblem(response, 400, "envelope_malformed");
        }
    }

    @Test
    @DisplayName("kg signs a request envelope whose justification and officer carry a NUL; result: kz answers 400 schema_violation naming both")
    void controlCharactersInSignedEnvelopes() {
        TestRegion region = TestRegion.shared();
        var key = region.start("kg").getBean(NodeProperties.class).signingKeys().get(0);
        String caseRef = "KG-SMS-CTL-" + UUID.randomUUID().toString().substring(0, 8);
        String payload = """
                { "iss": "kg", "aud": "kz", "iat": %d, "jti": "%s", "requestId": "%s", "requesterAgency": "KG-SMS",
                  "officer": "test.officer@kg-sms\\u0000", "request": { "holderAgency": "KZ-MIGRATION",
                  "subject": { "holderRecordRef": "KZ-CTL-NOBODY" }, "purpose": "RSD_CASE_PROCESSING",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s", "justification": "%s\\u0000",
                  "categories": ["IDENTITY"], "urgency": "ROUTINE" } }""".formatted(java.time.Instant.now().getEpochSecond(),
                UUID.randomUUID(), UUID.randomUUID(), caseRef, RegionData.JUSTIFICATION.formatted(caseRef));
        var response = Http.post(region.uri("kz", "/exchange/v1/requests"), null, "application/jose",
                signed(key, payload).getBytes(StandardCharsets.US_ASCII));
        var problem = Problems.assertProblem(response, 400, "schema_violation");
        assertTrue(Problems.fields(problem).containsAll(List.of("officer", "request.justification")), response.body());
    }

    /** {@code payload} signed by a node's key as a request envelope, whatever it says. */
    private static String signed(NodeProperties.SigningKeyLocation key, String payload) {
        try {
            byte[] pkcs8 = PemKeys.readPrivateKey(key.privateKey()).getEncoded();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue("EdDSA");
            jws.setKeyIdHeaderValue(key.kid());
            jws.setHeader("typ", "gateway-request+jwt");
            jws.setPayload(payload);
            jws.setKey(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spellings of {@code path} that a node must refuse as ambiguous rather than serve or misroute. */
    private static List<String> ambiguous(String path) {
        int last = path.lastIndexOf('/');
        return List.of(path.substring(0, last) + "%2F" + path.substring(last + 1), path + "/%2e%2e",
                path.substring(0, last) + "/%252e" + path.substring(last), path.substring(0, last) + "%5C"
                        + path.substring(last + 1), path + "%00");
    }

    @Test
    @DisplayName("every statistics endpoint answers a bad period (missing, not a month, from after to, longer than 36 months,"
            + " not released yet, before 2000) with 400 invalid_parameter naming the parameter")
    void badStatisticsPeriods() {
        TestRegion region = TestRegion.shared();
        String token = region.token("KZ-MIGRATION", "officer");
        String current = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("", "from");
        periods.put("?from=2025-01", "to");
        periods.put("?from=2025-13&to=2025-12", "from");
        periods.put("?from=2025-1&to=2025-12", "from");
        periods.put("?from=2025-01&to=2025-01-31", "to");
        periods.put("?from=%2B2025-01&to=2025-02", "from");
        periods.put("?from=2025-06&to=2025-01", "from");
        periods.put("?from=2001-01&to=2025-12", "to");
        periods.put("?from=2025-01&to=" + current, "to");
        periods.put("?from=2025-01&to=9999-12", "to");
        periods.put("?from=1999-12&to=2000-01", "from");
        periods.put("?from=" + "9".repeat(5000) + "&to=2025-01", "from");
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/api/v1/statistics/node", "/api/v1/statistics/node.csv", "/api/v1/statistics/region",
                "/api/v1/statistics/region.csv")) {
            periods.forEach((query, field) -> {
                HttpResponse<String> response = org.regionalexchange.gateway.testing.Http.get(region.uri("kz", path + query),
                        token);
                var problem = response.statusCode() == 400 ? Problems.json(response.body()) : null;
                if (problem == null || !problem.path("code").asString().equals("invalid_parameter")
                        || !Problems.fields(problem).contains(field)) {
                    failures.add(path + query.substring(0, Math.min(query.length(), 60)) + " -> " + response.statusCode()
                            + " " + abbreviate(response.body()));
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static int check(List<String> failures, String operation, HttpResponse<String> response, String input) {
        int status = response.statusCode();
        String body = response.body();
        boolean success = status < 300;
        boolean clientError = status >= 400 && status < 500;
        if (!success && !clientError) {
            failures.add(operation + " [" + input + "]: status " + status + " " + abbreviate(body));
        } else if (clientError && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            failures.add(operation + " [" + input + "]: " + status + " without problem+json: " + abbreviate(body));
        } else if (clientError) {
            var problem = Problems.json(body);
            if (!problem.path("code").asString().matches("[a-z][a-z0-9_]*") || INTERNALS.matcher(body).find()) {
                failures.add(operation + " [" + input + "]: bad problem " + abbreviate(body));
            }
        }
        return 1;
    }

    /** Paths to try for a pattern: variables as a random UUID and as garbage. */
    private static List<String> paths(String pattern) {
        if (!pattern.contains("{")) {
            return List.of(pattern);
        }
        return List.of(pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                pattern.replaceAll("\\{[^}]+}", "not-a-uuid%20%27%22"));
    }

    private static String token(TestRegion region, String pattern) {
        for (var entry : ROLE_BY_PREFIX.entrySet()) {
            if (pattern.startsWith(entry.getKey())) {
                String agency = entry.getValue().equals("liaison") ? "UNHCR-KZ" : "KZ-MIGRATION";
                return region.token(agency, entry.getValue());
            }
        }
        return null;
    }

    private static HttpResponse<String> send(TestRegion region, String verb, String path, String token, BadBody body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(region.uri("kz", "").toString() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.contentType());
            request.method(verb, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

}
