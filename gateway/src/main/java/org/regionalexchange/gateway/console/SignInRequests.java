package org.regionalexchange.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Sign-ins under way, kept by their {@code state} in the node's database ({@code console_sign_in})
 * and bound to the browser that started them by a random value in a short-lived, HttpOnly,
 * SameSite=Lax cookie scoped to the callback path. Not in the session: the session cookie is
 * SameSite=Strict, and a browser does not send it on the provider's redirect back when the provider
 * is on another site. In the database, not in one replica's memory: the provider's redirect back
 * may reach another replica of the node than the one that sent the person there. The binding keeps
 * what the session gave: a callback is accepted only from the browser that began the sign-in (no
 * login CSRF), once (the row is deleted by the callback that uses it, atomically across replicas),
 * within {@link #LIFETIME}.
 */
final class SignInRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "console-sign-in";
    static final String CALLBACK_PATH = "/login/oauth2/code/";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** No more sign-ins under way than this at once: a flood of starts cannot fill the table. */
    static final int MAX_PENDING = 10_000;

    private static final SerializingConverter SERIALIZE = new SerializingConverter();
    private static final DeserializingConverter DESERIALIZE = new DeserializingConverter(
            SignInRequests.class.getClassLoader());

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    SignInRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String binding = binding(request);
        if (state == null || binding == null) {
            return null;
        }
        return jdbc.sql("""
                select request from console_sign_in
                where state = :state and binding_digest = :binding and expires_at > :now""")
                .param("state", state).param("binding", digest(binding)).param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> authorizationRequest(rs.getBytes(1))).optional().orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("delete from console_sign_in where expires_at <= :now").param("now", Timestamp.from(now)).update();
        if (jdbc.sql("select count(*) from console_sign_in").query(Long.class).single() >= MAX_PENDING) {
            throw new IllegalStateException("too many sign-ins under way");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into console_sign_in (state, binding_digest, request, expires_at)
                values (:state, :binding, :request, :expires)""")
                .param("state", authorizationRequest.getState()).param("binding", digest(binding))
                .param("request", SERIALIZE.convert(authorizationRequest))
                .param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        setCookie(request, response, binding, LIFETIME);
    }

    /** Takes the sign-in out: only the browser that began it, only once, even with two replicas at once. */
    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String binding = binding(request);
        OAuth2AuthorizationRequest found = null;
        if (state != null && binding != null) {
            found = jdbc.sql("""
                    delete from console_sign_in
                    where state = :state and binding_digest = :binding and expires_at > :now
                    returning request""")
                    .param("state", state).param("binding", digest(binding))
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, row) -> authorizationRequest(rs.getBytes(1))).optional().orElse(null);
        }
        setCookie(request, response, "", Duration.ZERO);
        return found;
    }

    private static OAuth2AuthorizationRequest authorizationRequest(byte[] bytes) {
        return (OAuth2AuthorizationRequest) DESERIALIZE.convert(bytes);
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
            return MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
