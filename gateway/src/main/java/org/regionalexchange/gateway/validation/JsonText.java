package org.regionalexchange.gateway.validation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text of jsonb columns. PostgreSQL normalizes jsonb (key order, spacing), so a stored text is
 * compared by meaning, never by characters: otherwise every load-and-save would look like a change
 * to Envers' modified flags.
 */
public final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonText() {
    }

    /** The compact text of {@code node}, or null for a missing or null node. */
    public static String of(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : JSON.writeValueAsString(node);
    }

    public static JsonNode parse(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    /** True when both are null or both parse to equal trees. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || JSON.readTree(a).equals(JSON.readTree(b));
    }

    public static JsonMapper mapper() {
        return JSON;
    }
}
