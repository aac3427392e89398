package org.regionalexchange.gateway.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * QUALITY.md R4: bad input never causes a 5xx or leaks internals. Every operation the node serves
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
        ROLE_BY_PREFIX.put("/api/v1/statistics", "officer");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        byte[] invalidUtf8 = "{\"reason\": \"ab\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[12] = (byte) 0xC3;
        invalidUtf8[13] = (byte) 0x28;
        corpus.add(new BadBody("invalid UTF-8", "application/json", invalidUtf8));
        corpus.add(new BadBody("overlong UTF-8", "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
        corpus.add(new BadBody("xml", "application/xml", "<a>1</a>".getBytes(StandardCharsets.UTF_8)));
        corpus.add(new BadBody("jose garbage", "application/jose", "a.b.c".getBytes(StandardCharsets.US_ASCII)));
        corpus.add(new BadBody("jose huge", "application/jose", ("e30." + "A".repeat(1_100_000) + ".AA")
                .getBytes(StandardCharsets.US_ASCII)));
        corpus.add(new BadBody("jose unicode", "application/jose", "é.ü.ß".getBytes(StandardCharsets.UTF_8)));
        return corpus;
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
