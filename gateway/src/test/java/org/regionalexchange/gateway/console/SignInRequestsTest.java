package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/** A sign-in's callback is accepted only from the browser that began it, once, and not too late. */
class SignInRequestsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void theStartingBrowserCompletesItOnce() {
        SignInRequests requests = new SignInRequests(Clock.fixed(NOW, ZoneOffset.UTC));
        Cookie binding = start(requests, "state-1");
        assertThat(binding.getValue()).isNotEmpty();

        MockHttpServletRequest callback = callback("state-1", binding);
        assertThat(requests.loadAuthorizationRequest(callback)).isNotNull();
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(requests.removeAuthorizationRequest(callback, response)).isNotNull();
        assertThat(response.getHeader("Set-Cookie")).contains("Max-Age=0");
        assertThat(requests.loadAuthorizationRequest(callback("state-1", binding))).as("used once").isNull();
    }

    @Test
    void anotherBrowserOrAnotherStateIsRefused() {
        SignInRequests requests = new SignInRequests(Clock.fixed(NOW, ZoneOffset.UTC));
        Cookie binding = start(requests, "state-1");
        assertThat(requests.loadAuthorizationRequest(callback("state-1", null))).as("no cookie").isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-1",
                new Cookie(SignInRequests.COOKIE, "someone-else")))).as("another browser").isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-2", binding))).as("another state").isNull();
    }

    @Test
    void aLateCallbackIsRefused() {
        MutableClock clock = new MutableClock();
        SignInRequests requests = new SignInRequests(clock);
        Cookie binding = start(requests, "state-1");
        clock.now = NOW.plus(SignInRequests.LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(requests.loadAuthorizationRequest(callback("state-1", binding))).isNull();
    }

    @Test
    void theBindingCookieIsHttpOnlyLaxAndScopedToTheCallback() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignInRequests(Clock.fixed(NOW, ZoneOffset.UTC)).saveAuthorizationRequest(request("s"),
                new MockHttpServletRequest(), response);
        assertThat(response.getHeader("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/login/oauth2/code/");
    }

    private static Cookie start(SignInRequests requests, String state) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(request(state), new MockHttpServletRequest(), response);
        String header = response.getHeader("Set-Cookie");
        String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
        return new Cookie(SignInRequests.COOKIE, value);
    }

    private static MockHttpServletRequest callback(String state, Cookie binding) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/console");
        request.setParameter("state", state);
        request.setParameter("code", "c");
        if (binding != null) {
            request.setCookies(binding);
        }
        return request;
    }

    private static OAuth2AuthorizationRequest request(String state) {
        return OAuth2AuthorizationRequest.authorizationCode().authorizationUri("http://127.0.0.1:9000/oauth2/authorize")
                .clientId("console").redirectUri("http://127.0.0.1:8082/login/oauth2/code/console").state(state).build();
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
