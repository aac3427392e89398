package org.regionalexchange.gateway.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The correlation id of an API call: the caller's {@code X-Correlation-Id} when it is a plain token
 * (letters, digits, {@code -_.:}, at most 100), else a new UUID. Stored with each Envers revision.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String of(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
