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

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
