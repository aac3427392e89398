package org.regionalexchange.gateway.http;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer of the node carries — a success, a problem from a controller, from a
 * filter or from the servlet container: answers hold personal data or say whether a person is
 * known, so no cache may keep them ({@code no-store}), no browser may guess their type
 * ({@code nosniff}) and no page may frame them.
 */
final class SecurityHeaders {

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {
    }

    /** Sets every header, replacing any earlier value: applying twice gives one of each. */
    static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
