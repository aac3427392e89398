package org.regionalexchange.gateway.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets the {@link SecurityHeaders} before anything else runs, on every dispatch (request, error,
 * forward): whatever answers afterwards — a controller, a security filter refusing the request,
 * the error page — writes into a response that already carries them.
 */
final class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            SecurityHeaders.apply(http);
        }
        chain.doFilter(request, response);
    }
}
