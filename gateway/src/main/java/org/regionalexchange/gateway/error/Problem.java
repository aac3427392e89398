package org.regionalexchange.gateway.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: RFC 9457 problem details plus the stable {@code code} and the
 * list of field errors (shape fixed by docs/openapi.yaml).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, String instance,
        List<FieldError> errors, List<ProblemReason> reasons) {

    static final String TYPE_BASE = "https://regional-gateway.org/problems/";

    public static Problem of(ErrorCode errorCode, String detail, String instance, List<FieldError> errors) {
        return of(errorCode, detail, instance, errors, List.of());
    }

    public static Problem of(ErrorCode errorCode, String detail, String instance, List<FieldError> errors,
            List<ProblemReason> reasons) {
        return new Problem(TYPE_BASE + errorCode.code().replace('_', '-'), errorCode.title(),
                errorCode.status().value(), errorCode.code(), detail, instance, errors, reasons);
    }
}
