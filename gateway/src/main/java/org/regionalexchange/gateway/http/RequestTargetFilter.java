package org.regionalexchange.gateway.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.error.ProblemResponses;
import org.regionalexchange.gateway.validation.ControlCharacters;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before authentication, a request whose decoded path holds a control character
 * ({@code 400 malformed_request}) or any of whose parameters holds one in its name or value
 * ({@code 400 invalid_parameter}, naming the parameter), whether or not the operation reads it:
 * such characters then reach neither a query, nor the access log, nor the application log.
 * Ambiguous encodings of the path are refused before this filter, by the container
 * ({@code %2F}, {@code %5C}, {@code %00}: {@link ProblemReportValve}) and by the security firewall
 * ({@code %2E}, {@code %25}, {@code ;}).
 */
final class RequestTargetFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    RequestTargetFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (ControlCharacters.inName(path).isPresent()) {
            problems.write(request, response, ErrorCode.MALFORMED_REQUEST,
                    "The path holds a control character once decoded.");
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = ControlCharacters.escape(parameter.getKey());
            ControlCharacters.inName(parameter.getKey())
                    .ifPresent(bad -> errors.add(new FieldError(name, "the parameter's name contains " + bad)));
            for (String value : parameter.getValue()) {
                ControlCharacters.inName(value).ifPresent(bad -> errors.add(new FieldError(name, "contains " + bad)));
            }
        }
        if (!errors.isEmpty()) {
            problems.write(request, response, ErrorCode.INVALID_PARAMETER,
                    errors.size() + " request parameter(s) hold a control character.", errors);
            return;
        }
        chain.doFilter(request, response);
    }
}
