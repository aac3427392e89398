package org.regionalexchange.gateway.console;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's Content-Security-Policy: scripts only with this response's nonce (htmx from the
 * node, nothing inline, nothing from another host), styles only from the node's files, no frame
 * around the console, forms only to the node (and, for sign-out, on to the provider). The nonce is
 * the request attribute {@link #NONCE}, for the templates.
 */
final class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    static final String NONCE = "cspNonce";

    private final SecureRandom random = new SecureRandom();
    private final String issuerOrigin;

    ContentSecurityPolicyFilter(String issuerOrigin) {
        this.issuerOrigin = issuerOrigin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-" + nonce + "'; "
                + "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self' " + issuerOrigin + "; frame-ancestors 'none'");
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
