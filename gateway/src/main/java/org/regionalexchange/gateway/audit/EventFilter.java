package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;

/**
 * The DPO's filters on the access log, each optional; built from the raw query parameters by
 * {@link #parse}, which names every bad parameter and what it accepts.
 */
record EventFilter(UUID recordId, UUID requestId, String agency, String actor, String outcome, AccessAction action,
        Instant from, Instant to) {

    private static final String TOKEN = "[A-Za-z0-9._:@+\\-]{1,200}";
    /** No event of the log is older than 1970; the database and the JDBC driver hold nothing past 9999 safely. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static EventFilter parse(Map<String, String> parameters, List<FieldError> errors) {
        return new EventFilter(uuid(parameters, "recordId", errors), uuid(parameters, "requestId", errors),
                token(parameters, "agency", errors), token(parameters, "actor", errors),
                token(parameters, "outcome", errors), action(parameters.get("action"), errors),
                instant(parameters, "from", errors), instant(parameters, "to", errors));
    }

    /** Throws {@code 400 invalid_parameter} naming every bad parameter. */
    static void requireNone(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, errors.size() + " request parameter(s) are not acceptable.",
                    errors);
        }
    }

    /** The SQL condition ({@code where ...} or empty) and its named parameters. */
    String where(Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("recordId", recordId);
        values.put("requestId", requestId);
        values.put("agency", agency);
        values.put("actor", actor);
        values.put("outcome", outcome);
        values.put("action", action == null ? null : action.name());
        values.forEach((name, value) -> {
            if (value != null) {
                conditions.add(column(name) + " = :" + name);
                params.put(name, value);
            }
        });
        if (from != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(to));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String column(String parameter) {
        return switch (parameter) {
            case "recordId" -> "record_id";
            case "requestId" -> "request_id";
            default -> parameter;
        };
    }

    private static UUID uuid(Map<String, String> parameters, String name, List<FieldError> errors) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be a UUID"));
            return null;
        }
    }

    private static String token(Map<String, String> parameters, String name, List<FieldError> errors) {
        String value = parameters.get(name);
        if (value != null && !value.matches(TOKEN)) {
            errors.add(new FieldError(name, "must be 1 to 200 letters, digits or . _ : @ + -"));
            return null;
        }
        return value;
    }

    private static AccessAction action(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return AccessAction.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("action", "must be one of " + Arrays.toString(AccessAction.values())));
            return null;
        }
    }

    private static Instant instant(Map<String, String> parameters, String name, List<FieldError> errors) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a UTC instant such as 2026-03-01T00:00:00Z"));
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(new FieldError(name, "must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            return null;
        }
        return instant;
    }
}
