package org.regionalexchange.gateway.error;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * Every error the gateway can answer with. The {@link #code()} is the stable wire identifier
 * (snake_case) that clients program against; the HTTP status and title are fixed here and mapped
 * to RFC 9457 problem details in exactly one place ({@link ProblemResponses}).
 */
public enum ErrorCode {
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
    SCHEMA_VIOLATION(HttpStatus.BAD_REQUEST, "Request body does not match its schema"),
    BODY_TOO_LARGE(HttpStatus.BAD_REQUEST, "Request body too large"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    INVALID_VALUE(HttpStatus.BAD_REQUEST, "Invalid value"),
    AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid bearer token"),
    AGENCY_NOT_OF_NODE(HttpStatus.UNAUTHORIZED, "Agency not served by this node"),
    ROLE_NOT_PERMITTED(HttpStatus.FORBIDDEN, "Role not permitted"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Audit log unavailable");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The stable wire code, e.g. {@code schema_violation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
