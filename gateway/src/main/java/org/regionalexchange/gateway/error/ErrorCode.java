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
    CHECKPOINT_MALFORMED(HttpStatus.BAD_REQUEST, "Malformed checkpoint"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    ENVELOPE_MALFORMED(HttpStatus.BAD_REQUEST, "Malformed envelope"),
    ENVELOPE_WRONG_TYPE(HttpStatus.BAD_REQUEST, "Envelope of the wrong type"),
    AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    ENVELOPE_UNKNOWN_KEY(HttpStatus.UNAUTHORIZED, "Envelope signed by an unknown key"),
    ENVELOPE_ALGORITHM_MISMATCH(HttpStatus.UNAUTHORIZED, "Envelope algorithm does not match its key"),
    ENVELOPE_BAD_SIGNATURE(HttpStatus.UNAUTHORIZED, "Envelope signature does not verify"),
    ENVELOPE_WRONG_ISSUER(HttpStatus.UNAUTHORIZED, "Envelope issuer does not own its key"),
    ENVELOPE_WRONG_AUDIENCE(HttpStatus.UNAUTHORIZED, "Envelope addressed to another node"),
    ENVELOPE_STALE(HttpStatus.UNAUTHORIZED, "Envelope issued too long ago"),
    ENVELOPE_FUTURE(HttpStatus.UNAUTHORIZED, "Envelope issued in the future"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid bearer token"),
    AGENCY_NOT_OF_NODE(HttpStatus.UNAUTHORIZED, "Agency not served by this node"),
    ROLE_NOT_PERMITTED(HttpStatus.FORBIDDEN, "Role not permitted"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    ENVELOPE_REPLAYED(HttpStatus.CONFLICT, "Envelope already used"),
    REFERRAL_NOT_ACCEPTED(HttpStatus.CONFLICT, "Referral not accepted"),
    REFERRAL_ALREADY_OPENED(HttpStatus.CONFLICT, "Record already opened from this referral"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    JUSTIFICATION_INSUFFICIENT(HttpStatus.UNPROCESSABLE_CONTENT, "Justification insufficient"),
    NOT_INDIVIDUALIZED(HttpStatus.UNPROCESSABLE_CONTENT, "Request not individualized"),
    REQUEST_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Request refused before sending"),
    SCREENING_ANSWERS_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Screening answers do not fit the questionnaire"),
    REFERRAL_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Referral refused"),
    CHECKPOINT_UNKNOWN_KEY(HttpStatus.UNPROCESSABLE_CONTENT, "Checkpoint signed by an unknown key"),
    CHECKPOINT_BAD_SIGNATURE(HttpStatus.UNPROCESSABLE_CONTENT, "Checkpoint signature does not verify"),
    CHECKPOINT_OF_OTHER_NODE(HttpStatus.UNPROCESSABLE_CONTENT, "Checkpoint of another node"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    HOLDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Holder node unavailable"),
    HOLDER_ANSWER_INVALID(HttpStatus.BAD_GATEWAY, "Holder node's answer did not verify"),
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
