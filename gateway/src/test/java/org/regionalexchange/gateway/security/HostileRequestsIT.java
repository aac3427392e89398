package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RawHttp;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests shaped to slip past the node's edge, on a node of its own (tj of a fresh region, with a
 * limit of 3 calls a minute for officers): percent-encoded paths, ambiguous encodings, tokens
 * whose subject or agency carries control characters or outgrows the log's actor column, and
 * answers of every kind, the container's own included, each checked for the security headers.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestRegion region;
    private static int port;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        region.start("tj", "--gateway.rate-limit.requests-per-minute=3", "--gateway.rate-limit.per-role.dpo=1000",
                "--gateway.rate-limit.per-role.registrar=1000");
        port = region.uri("tj", "").getPort();
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    private static String token(String subject, String role) {
        return token("TJ-MIA", subject, role);
    }

    private static String token(String agency, String subject, String role) {
        return region.tokens().mint(agency, List.of(role), subject, Instant.now(), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("an officer spends the limit, then percent-encodes a letter of the path; result: still 429 rate_limited")
    void rateLimitHoldsOnEncodedPaths() {
        String officer = token("encoder." + RUN + "@tj-mia", "officer");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call("GET", "/api/v1/directory/agencies", officer, null, null).statusCode());
        }
        for (String path : List.of("/%61pi/v1/directory/agencies", "/api/v1/%64irectory/agencies",
                "/api/%76%31/directory/agencies", "/api/v1/directory/agencie%73")) {
            var limited = call("GET", path, officer, null, null);
            assertProblem(limited, 429, "rate_limited");
            assertSecurityHeaders(path, limited);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1%2Fdirectory/agencies", "/api/v1%2fdirectory/agencies",
            "/api/v1/%2e%2e/v1/directory/agencies", "/api/v1/%2E/directory/agencies", "/api/v1/x/%2e%2e/directory/agencies",
            "/api/v1/%252e%252e/directory/agencies", "/api/v1/%2564irectory/agencies", "/api/v1/directory%5Cagencies",
            "/api/v1/dir%00ectory/agencies", "/api/v1/directory;x=1/agencies", "/api/v1/directory/agencies%3B",
            "/api/v1/directory/%01agencies", "/api/v1/directory/agencies%0d%0a"})
    @DisplayName("a path with an ambiguous encoding (encoded slash, backslash, dot segment, double encoding, NUL, control character); result: 400 malformed_request")
    void ambiguousEncodingsAreRefused(String path) {
        var response = call("GET", path, token("dpo." + RUN + "@tj-mia", "dpo"), null, null);
        assertProblem(response, 400, "malformed_request");
        assertSecurityHeaders(path, response);
    }

    @Test
    @DisplayName("a token whose subject carries CR LF and a forged log line, used past the limit; result: 401 invalid_token each time, and no forged line in the log")
    void subjectWithLineBreaksIsRefused(CapturedOutput output) {
        String forgedLine = "2026-01-01T00:00:00.000Z  INFO 1 --- [main] o.r.gateway.Forged : FORGED-" + RUN;
        String officer = token("mallory@tj-mia\r\n" + forgedLine, "officer");
        for (int i = 0; i < 4; i++) {
            var response = call("GET", "/api/v1/directory/agencies", officer, null, null);
            assertProblem(response, 401, "invalid_token");
        }
        for (String subject : List.of("nul\u0000@tj-mia", "tab\t@tj-mia", "esc\u001b[31m@tj-mia", "del\u007f@tj-mia")) {
            assertProblem(call("GET", "/api/v1/directory/agencies", token(subject, "officer"), null, null), 401,
                    "invalid_token");
        }
        assertProblem(call("GET", "/api/v1/directory/agencies", token("TJ-MIA\r\nFORGED", "officer." + RUN, "officer"),
                null, null), 401, "invalid_token");
        assertFalse(output.getAll().lines().anyMatch(line -> line.startsWith(forgedLine)), "a forged line reached the log");
        assertFalse(output.getAll().lines().anyMatch(line -> line.startsWith("FORGED")), "a forged line reached the log");
    }

    @Test
    @DisplayName("a message, an argument and an exception carry CR, LF, NUL and ESC into the application log; result: each stays on its line, escaped")
    void logEscapesControlCharacters(CapturedOutput output) {
        var log = LoggerFactory.getLogger(HostileRequestsIT.class);
        log.warn("probe-{} value={}", RUN, "a\r\nFORGED-" + RUN + " b\u0000c\u001b[31md");
        log.warn("probe-exception-" + RUN, new IllegalStateException("boom\r\nFORGED-EXCEPTION-" + RUN));
        List<String> lines = output.getAll().lines().toList();
        String probe = lines.stream().filter(l -> l.contains("probe-" + RUN + " ")).findFirst().orElseThrow();
        assertTrue(probe.endsWith("value=a\\r\\nFORGED-" + RUN + " b\\u0000c\\u001b[31md"), probe);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("FORGED-")), "a forged line reached the log");
        assertTrue(lines.stream().anyMatch(l -> l.contains("boom\\r\\nFORGED-EXCEPTION-" + RUN)), "the exception message");
        assertFalse(output.getAll().contains("\u0000"), "a NUL reached the log");
        assertFalse(output.getAll().contains("\u001b[31m"), "an escape sequence reached the log");
    }

    @Test
    @DisplayName("a token whose subject is longer than the access log's actor column (200); result: 401 invalid_token, where 200 characters pass")
    void overlongSubjectIsRefused() {
        String longest = "d".repeat(191) + "@tj-mia.x";
        assertEquals(200, longest.length());
        var accepted = call("GET", "/api/v1/audit/verify", token(longest, "dpo"), null, null);
        assertEquals(200, accepted.statusCode(), accepted.body());
        String tooLong = "d" + longest;
        assertProblem(call("GET", "/api/v1/audit/verify", token(tooLong, "dpo"), null, null), 401, "invalid_token");
        assertProblem(call("GET", "/api/v1/directory/agencies", token(tooLong, "officer"), null, null), 401,
                "invalid_token");
        assertProblem(call("GET", "/api/v1/audit/verify", token("x".repeat(5000), "dpo"), null, null), 401,
                "invalid_token");
    }

    @Test
    @DisplayName("answers of every kind on /api/v1, /exchange/v1 and /actuator, errors of filters and of the container included; result: each carries nosniff and no-store")
    void everyAnswerCarriesSecurityHeaders() {
        String registrar = token("registrar." + RUN + "@tj-mia", "registrar");
        String dpo = token("dpo." + RUN + "@tj-mia", "dpo");
        String officer = token("headers." + RUN + "@tj-mia", "officer");
        UUID record = UUID.fromString(Problems.json(expect(201, call("POST", "/api/v1/records", registrar,
                "application/json", recordBody())).body()).path("id").asString());
        expect(200, call("GET", "/api/v1/directory/agencies", officer, null, null));
        expect(200, call("GET", "/api/v1/records/" + record, registrar, null, null));
        expect(401, call("GET", "/api/v1/directory/agencies", null, null, null));
        expect(401, call("GET", "/api/v1/directory/agencies", "not-a-token", null, null));
        expect(403, call("GET", "/api/v1/audit/verify", registrar, null, null));
        expect(404, call("GET", "/api/v1/records/" + UUID.randomUUID(), registrar, null, null));
        expect(405, call("PATCH", "/api/v1/records/" + record, registrar, "application/json", "{}"));
        expect(406, call("GET", "/api/v1/directory/agencies", officer, null, null, "Accept", "text/html"));
        expect(415, call("POST", "/api/v1/records", registrar, "text/plain", "hello"));
        expect(400, call("POST", "/api/v1/records", registrar, "application/json", "{"));
        expect(400, call("GET", "/api/v1/audit/events?from=yesterday", dpo, null, null));
        expect(400, call("GET", "/api/v1/%2e%2e/directory/agencies", dpo, null, null));
        for (int i = 0; i < 3; i++) {
            call("GET", "/api/v1/directory/agencies", officer, null, null);
        }
        expect(429, call("GET", "/api/v1/directory/agencies", officer, null, null));
        var owner = RegionData.owner(region, "tj");
        owner.execute("revoke insert on access_log from gateway_app");
        try {
            expect(503, call("GET", "/api/v1/records/" + record, registrar, null, null));
        } finally {
            owner.execute("grant insert on access_log to gateway_app");
        }
        expect(200, call("GET", "/.well-known/gateway-node", null, null, null));
        expect(400, call("POST", "/exchange/v1/requests", null, "application/jose", "a.b.c"));
        expect(400, call("GET", "/exchange/v1/requests/" + UUID.randomUUID(), null, null, null));
        expect(400, call("GET", "/exchange/v1/requests/not-a-uuid", null, null, null));
        expect(405, call("PUT", "/exchange/v1/requests", null, "application/jose", "a.b.c"));
        expect(415, call("POST", "/exchange/v1/requests", null, "text/plain", "a.b.c"));
        expect(401, call("POST", "/exchange/v1/requests", "not-a-token", "application/jose", "a.b.c"));
        expect(200, call("GET", "/actuator/health", null, null, null));
        expect(200, call("GET", "/actuator/info", null, null, null));
        expect(401, call("GET", "/actuator/env", null, null, null));
        expect(403, call("GET", "/actuator/env", dpo, null, null));
        expect(401, call("POST", "/actuator/health", null, "application/json", "{}"));
    }

    @Test
    @DisplayName("requests the container refuses before any servlet (encoded slash, NUL, backslash, no Host, oversized header, malformed request line, bad version); result: 400 malformed_request as problem+json with the security headers")
    void containerErrorsAreProblems() {
        String dpo = token("raw." + RUN + "@tj-mia", "dpo");
        List<String> requests = List.of(
                "GET /api/v1%2Fdirectory/agencies HTTP/1.1\r\nHost: tj\r\nAuthorization: Bearer " + dpo + "\r\n",
                "GET /api/v1/dir%00ectory/agencies HTTP/1.1\r\nHost: tj\r\n",
                "GET /api/v1%5cdirectory/agencies HTTP/1.1\r\nHost: tj\r\n",
                "GET /exchange/v1%2Frequests HTTP/1.1\r\nHost: tj\r\n",
                "GET /actuator%2Fhealth HTTP/1.1\r\nHost: tj\r\n",
                "GET /api/v1/directory/agencies HTTP/1.1\r\nAuthorization: Bearer " + dpo + "\r\n",
                "GET /api/v1/directory/agencies HTTP/1.1\r\nHost: tj\r\nX-Padding: " + "p".repeat(20_000) + "\r\n",
                "GET /api/v1/directory/agencies HTTP/1.1\r\nHost: tj\r\nX-Bad\u0001Name: 1\r\n",
                "GARBAGE\r\n",
                "GET /api/v1 directory HTTP/1.1\r\nHost: tj\r\n",
                "GET /api/v1/directory/agencies\u0000 HTTP/1.1\r\nHost: tj\r\n");
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.send(port, request + "Connection: close\r\n\r\n");
            String what = request.substring(0, Math.min(60, request.indexOf('\r')));
            assertEquals(400, answer.status(), what + ": " + answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), what + ": " + answer.headers());
            var problem = Problems.json(answer.body());
            assertEquals("malformed_request", problem.path("code").asString(), what + ": " + answer.body());
            assertEquals(400, problem.path("status").asInt());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
            assertTrue(answer.header("Cache-Control").contains("no-store"), what);
            assertFalse(answer.body().toLowerCase().contains("<html"), what);
        }
    }

    private static String recordBody() {
        return """
                { "holderRecordRef": "TJ-%s-HDR",
                  "identity": { "familyName": "Headerova", "givenNames": "Nigora", "sex": "F", "dateOfBirth": "1990",
                                "nationalities": ["AF"] },
                  "caseStatus": { "status": "ASYLUM_SEEKER", "statusDate": "2026-01-15" } }""".formatted(RUN);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        String what = response.request().method() + " " + response.uri().getRawPath();
        assertEquals(status, response.statusCode(), () -> what + ": " + response.body());
        assertSecurityHeaders(what, response);
        if (status >= 400) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    what + ": " + response.headers().map());
        }
        return response;
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> response) {
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), what);
        List<String> cacheControl = response.headers().allValues("Cache-Control");
        assertTrue(cacheControl.size() == 1 && cacheControl.get(0).contains("no-store"), what + ": " + cacheControl);
    }

    private static HttpResponse<String> call(String method, String path, String token, String contentType, String body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
