package org.regionalexchange.gateway.validation;

import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.policy.model.CountryCode;

import tools.jackson.databind.JsonNode;

/**
 * ISO 3166-1 alpha-2 membership ({@link CountryCode}, the one list), which a schema pattern cannot check. Messages name the bad value
 * and what is expected: {@code Unknown country code 'XX'; expected ISO 3166-1 alpha-2}.
 */
public final class CountryCodes {

    private CountryCodes() {
    }

    public static boolean isKnown(String code) {
        return CountryCode.isKnown(code);
    }

    /**
     * Adds an error for every unknown code at {@code field} of {@code value}, which is a string, an
     * array of strings, or missing.
     */
    public static void check(String field, JsonNode value, List<FieldError> errors) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(field + "[" + i + "]", value.get(i), errors);
            }
        } else if (!isKnown(value.asString())) {
            errors.add(new FieldError(field, message(value.asString())));
        }
    }

    public static String message(String code) {
        return "Unknown country code '" + code + "'; expected ISO 3166-1 alpha-2";
    }

    /** A fresh list for {@link #check}. */
    public static List<FieldError> errors() {
        return new ArrayList<>();
    }
}
