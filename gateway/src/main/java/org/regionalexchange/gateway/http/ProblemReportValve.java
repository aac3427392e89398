package org.regionalexchange.gateway.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error report as a problem: what Tomcat refuses before any servlet runs
 * (an encoded slash, backslash or NUL in the target, no Host header, a header too large, a
 * malformed request line) gets the same {@code application/problem+json} shape, stable code and
 * security headers as every other answer, instead of Tomcat's HTML page. The body names no part
 * of the request: the request is the thing that could not be read.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = codeOf(status);
        try {
            response.setStatus(code.status().value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.apply(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problem.of(code, detailOf(code), null, List.of())));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already began: nothing more can be said.
        }
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405, 501 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String detailOf(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> "The request line, its target or a header could not be accepted: an encoded slash,"
                    + " backslash or NUL in the path, no Host header, a header too large, or a malformed request line.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            default -> code.title() + ".";
        };
    }
}
