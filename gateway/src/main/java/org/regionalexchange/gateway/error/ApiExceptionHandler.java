package org.regionalexchange.gateway.error;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Maps every exception that reaches the MVC layer to a problem response. Unknown failures become
 * {@code internal_error} with an error id; the log gets the id and the exception types only, never
 * messages, which could carry personal data.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> api(ApiException e, HttpServletRequest request) {
        return ProblemResponses.entity(e.errorCode(), e.getMessage(), request.getRequestURI(), e.fieldErrors(),
                e.reasons());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpServletRequest request) {
        return problem(ErrorCode.MALFORMED_BODY, "The request body could not be read as JSON.", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String expected = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().get(0).toString();
        return problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + expected + ".", request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpServletRequest request) {
        return problem(ErrorCode.NOT_ACCEPTABLE, "This resource answers with application/json.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here.", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(HttpServletRequest request) {
        return problem(ErrorCode.NOT_FOUND, "No such resource.", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ProblemResponses.entity(ErrorCode.INVALID_PARAMETER, "A request parameter has the wrong type.",
                request.getRequestURI(), List.of(new FieldError(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return ProblemResponses.entity(ErrorCode.INVALID_PARAMETER, "A required request parameter is missing.",
                request.getRequestURI(), List.of(new FieldError(e.getParameterName(), "is required")));
    }

    /** A header or parameter that the security firewall refuses when a controller first reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Problem> rejected(HttpServletRequest request) {
        return problem(ErrorCode.MALFORMED_REQUEST, "A header or parameter of the request is not acceptable.", request);
    }

    /** Let Spring Security's filters answer these with the same problem shape. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String errorId = UUID.randomUUID().toString();
        if (DatabaseUnreachable.causes(e)) {
            // No database, no log: nothing was read or released (R1). A stable 503 while a primary
            // fails over, not an internal error (docs/operations.md, "Replicas and failover").
            log.warn("database unreachable errorId={} path={} exception={}", errorId, request.getRequestURI(),
                    SafeThrowable.describe(e));
            if (!response.isCommitted()) {
                return problem(ErrorCode.AUDIT_UNAVAILABLE, "The node's database cannot be reached; nothing was read"
                        + " or released. Try again shortly (error id " + errorId + ").", request);
            }
            return null;
        }
        log.error("internal_error errorId={} path={} exception={}", errorId, request.getRequestURI(),
                SafeThrowable.describe(e));
        // An answer that had begun (a CSV export streaming) cannot become a problem here: left to
        // escape, the exception would be logged by the container with its message, which can quote
        // SQL and the values it was given. It ends here; the error id above is what is logged.
        if (response.isCommitted()) {
            return null;
        }
        try {
            response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            response.sendError(ErrorCode.INTERNAL_ERROR.status().value());
            return null;
        }
        return problem(ErrorCode.INTERNAL_ERROR, "Internal error; quote error id " + errorId + ".", request);
    }

    private static ResponseEntity<Problem> problem(ErrorCode code, String detail, HttpServletRequest request) {
        return ProblemResponses.entity(code, detail, request.getRequestURI(), List.of());
    }
}
