package org.regionalexchange.gateway.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Sign-ins under way, kept by their {@code state} in the node's memory and bound to the browser
 * that started them by a random value in a short-lived, HttpOnly, SameSite=Lax cookie scoped to the
 * callback path. Not in the session: the session cookie is SameSite=Strict, and a browser does not
 * send it on the provider's redirect back when the provider is on another site. The binding keeps
 * what the session gave: a callback is accepted only from the browser that began the sign-in (no
 * login CSRF), once, within {@link #LIFETIME}.
 */
final class SignInRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "console-sign-in";
    static final String CALLBACK_PATH = "/login/oauth2/code/";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** No more sign-ins under way than this at once: a flood of starts cannot fill the memory. */
    static final int MAX_PENDING = 10_000;

    private record Pending(byte[] bindingDigest, OAuth2AuthorizationRequest request, Instant expires) {
    }

    private final Map<String, Pending> byState = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    SignInRequests(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        Pending pending = byState.get(state);
        String binding = binding(request);
        if (pending == null || binding == null || pending.expires().isBefore(clock.instant())
                || !MessageDigest.isEqual(pending.bindingDigest(), digest(binding))) {
            return null;
        }
        return pending.request();
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        Instant now = clock.instant();
        byState.values().removeIf(pending -> pending.expires().isBefore(now));
        if (byState.size() >= MAX_PENDING) {
            throw new IllegalStateException("too many sign-ins under way");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byState.put(authorizationRequest.getState(), new Pending(digest(binding), authorizationRequest,
                now.plus(LIFETIME)));
        setCookie(request, response, binding, LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (found != null) {
            byState.remove(found.getState());
        }
        setCookie(request, response, "", Duration.ZERO);
        return found;
    }

    private static String binding(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value,
            Duration maxAge) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path(CALLBACK_PATH).maxAge(maxAge).build().toString());
    }

    private static byte[] digest(String binding) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(binding.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
