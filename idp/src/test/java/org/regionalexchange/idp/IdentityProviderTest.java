package org.regionalexchange.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Discovery, the sample users made from the region definition, and the sign-in form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "idp.region-definition=../deploy/local/region.yaml",
        "idp.redirect-uris=http://127.0.0.1/login/oauth2/code/console"})
class IdentityProviderTest {

    @LocalServerPort
    int port;

    @Autowired
    SampleUsers users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryNamesTheEndpointsAndPkce() throws Exception {
        HttpResponse<String> discovery = get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://127.0.0.1:" + port + "\"")
                .contains("/oauth2/authorize").contains("/oauth2/token").contains("/oauth2/jwks")
                .contains("\"code_challenge_methods_supported\":[\"S256\"]").contains("end_session_endpoint");
    }

    @Test
    void everyAgencyHasEveryRole() {
        assertThat(users.find("officer@kg-sms")).hasValueSatisfying(user -> {
            assertThat(user.agency()).isEqualTo("KG-SMS");
            assertThat(user.role()).isEqualTo("officer");
        });
        assertThat(users.find("reviewer@kz-migration")).isPresent();
        assertThat(users.find("dpo@tj-mia")).isPresent();
        // 16 agencies in deploy/local/region.yaml, 7 roles each.
        assertThat(users.all()).hasSize(16 * 7);
        assertThat(users.loadUserByUsername("officer@kg-sms").getPassword()).startsWith("{bcrypt}");
        assertThat(new BCryptPasswordEncoder().matches("officer-kg-sms",
                users.loadUserByUsername("officer@kg-sms").getPassword().substring("{bcrypt}".length()))).isTrue();
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorize?response_type=code&client_id=console&scope=openid"
                + "&redirect_uri=http://127.0.0.1:8082/login/oauth2/code/console&state=x");
        // A public client must send a code challenge: the provider refuses (400), or sends the error back.
        assertThat(answer.statusCode() == 400
                || answer.headers().firstValue("Location").orElse("").contains("error=invalid_request")).isTrue();
    }

    @Test
    void theSignInFormIsServed() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"").contains("name=\"password\"");
    }

    @Test
    void aSampleUserSignsInWithTheDocumentedPassword() throws Exception {
        assertThat(signIn("officer@kg-sms", "officer-kg-sms")).as("redirect after sign-in").doesNotContain("error");
        assertThat(signIn("officer@kg-sms", "wrong-password")).contains("/login?error");
    }

    /** Posts the sign-in form with its CSRF token; returns where the provider sends the browser. */
    private String signIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).as("the form's CSRF token").isTrue();
        String body = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + password + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
