package org.regionalexchange.gateway.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.regionalexchange.gateway.error.FieldError;

import tools.jackson.databind.JsonNode;

/**
 * Text the node accepts is text: no NUL (which PostgreSQL refuses in text and jsonb, so that a
 * NUL would surface as a database error quoting the person's data), no other control character
 * that could forge or hide a line in a log or a screen, no lone surrogate (no character at all).
 * Free text may hold tab, line feed and carriage return; names of parameters, path segments and
 * token claims may not.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The first character of free text that is not allowed, as {@code U+0000}; empty if none. */
    public static Optional<String> inText(CharSequence text) {
        return first(text, true);
    }

    /** The first control character of {@code value}, tab and line breaks included; empty if none. */
    public static Optional<String> inName(CharSequence value) {
        return first(value, false);
    }

    /** {@code value} with every control character written as {@code \\uXXXX}, for a field name in an error. */
    public static String escape(CharSequence value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) || Character.isSurrogate(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Adds an error for every string value and every property name of {@code document} that holds
     * a character {@link #inText} refuses, at its field ({@code identity.familyName}, {@code family[0].givenNames}).
     */
    static void check(JsonNode document, List<FieldError> errors) {
        check("", document, errors);
    }

    private static void check(String field, JsonNode node, List<FieldError> errors) {
        if (node.isString()) {
            inText(node.asString()).ifPresent(bad -> errors.add(new FieldError(field.isEmpty() ? "$" : field,
                    "contains " + bad + "; text may hold no control character but tab, line feed and carriage return")));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(field + "[" + i + "]", node.get(i), errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String name = property.getKey();
                String child = field.isEmpty() ? escape(name) : field + "." + escape(name);
                inName(name).ifPresent(bad -> errors.add(new FieldError(child, "the property name contains " + bad)));
                check(child, property.getValue(), errors);
            }
        }
    }

    private static Optional<String> first(CharSequence text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format(Locale.ROOT, "a lone surrogate U+%04X", (int) c));
            } else if (isControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(String.format(Locale.ROOT, "the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** C0 controls, DEL and C1 controls (U+0080 to U+009F). */
    private static boolean isControl(char c) {
        return Character.isISOControl(c);
    }
}
