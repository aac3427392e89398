package org.regionalexchange.gateway.error;

import java.util.List;
import java.util.Objects;

/**
 * A failure with a stable {@link ErrorCode}. The detail and field errors go to the caller, so they
 * must never carry personal data, SQL or internal names.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient List<FieldError> fieldErrors;
    private final transient List<ProblemReason> reasons;

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<FieldError> fieldErrors) {
        this(errorCode, detail, fieldErrors, List.of());
    }

    /** A failure that carries policy reasons (code and message) besides field errors. */
    public ApiException(ErrorCode errorCode, String detail, List<FieldError> fieldErrors, List<ProblemReason> reasons) {
        super(detail, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.fieldErrors = List.copyOf(fieldErrors);
        this.reasons = List.copyOf(reasons);
    }

    public List<ProblemReason> reasons() {
        return reasons;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
