package org.regionalexchange.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers authentication and authorization failures with problem details (401 with a
 * {@code WWW-Authenticate: Bearer} challenge, 403), logging only the code and the path.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationHandlers.class);

    private final ProblemResponses problems;

    ProblemAuthenticationHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        ErrorCode code;
        String detail;
        if (exception instanceof AgencyNotOfNodeException) {
            code = ErrorCode.AGENCY_NOT_OF_NODE;
            detail = "The token's agency is not an agency of this node.";
        } else if (exception instanceof OAuth2AuthenticationException) {
            code = ErrorCode.INVALID_TOKEN;
            detail = "The bearer token was not accepted: check its signature, issuer, audience, validity,"
                    + " agency and roles.";
        } else {
            code = ErrorCode.AUTHENTICATION_REQUIRED;
            detail = "Send a bearer token issued for this node's agencies.";
        }
        // The error code names the failed check (expired, audience, signature...); token content is never logged.
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + ": " + describe(oauth) : exception.getClass().getSimpleName();
        log.info("authentication refused code={} path={} reason={}", code.code(), request.getRequestURI(), reason);
        response.setHeader("WWW-Authenticate", code == ErrorCode.AUTHENTICATION_REQUIRED
                ? "Bearer" : "Bearer error=\"invalid_token\"");
        problems.write(request, response, code, detail);
    }

    private static String describe(OAuth2AuthenticationException exception) {
        String description = exception.getError().getDescription();
        if (description == null) {
            return "-";
        }
        // Decoder messages can quote token content after a colon; keep only the check that failed.
        int colon = description.indexOf(':');
        return colon > 0 ? description.substring(0, colon) : description;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        log.info("authorization refused code={} path={}", ErrorCode.ROLE_NOT_PERMITTED.code(), request.getRequestURI());
        problems.write(request, response, ErrorCode.ROLE_NOT_PERMITTED,
                "Your role does not permit this operation.");
    }
}
