package org.regionalexchange.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on problem+json answers: status, stable code, shape, and no leaked internals. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\bat [a-z]+\\.[a-z]+\\.|exception|org\\.springframework|org\\.hibernate|java\\.lang|sql|stack|"
                    + "org\\.regionalexchange)");

    private Problems() {
    }

    /** Asserts the response is the problem {@code code} with {@code status}; returns its body. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("application/problem+json"), "content type: " + contentType);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.path("code").asString(), "code; body: " + response.body());
        assertEquals(status, body.path("status").asInt());
        assertEquals("https://regional-gateway.org/problems/" + code.replace('_', '-'), body.path("type").asString());
        assertFalse(body.path("title").asString().isBlank(), "title");
        assertFalse(INTERNALS.matcher(response.body()).find(), () -> "internals leaked: " + response.body());
        return body;
    }

    /** The {@code field} values of the problem's {@code errors}. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
