package org.regionalexchange.gateway.error;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where an {@link ErrorCode} becomes an HTTP answer, for controllers (as a
 * {@link ResponseEntity}) and for filters that answer before any controller runs.
 */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public static ResponseEntity<Problem> entity(ErrorCode code, String detail, String instance,
            List<FieldError> errors) {
        return entity(code, detail, instance, errors, List.of());
    }

    public static ResponseEntity<Problem> entity(ErrorCode code, String detail, String instance,
            List<FieldError> errors, List<ProblemReason> reasons) {
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.of(code, detail, instance, errors, reasons));
    }

    /** Writes a problem directly to the servlet response (security filters, error page). */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, code, detail, List.of());
    }

    /** Writes a problem with field errors directly to the servlet response (filters that check parameters). */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail,
            List<FieldError> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(),
                Problem.of(code, detail, request.getRequestURI(), errors));
    }
}
