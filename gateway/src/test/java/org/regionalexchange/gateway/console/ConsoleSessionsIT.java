package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.bench.HolderBenchEnvelopes;
import org.regionalexchange.gateway.GatewayApplication;
import org.regionalexchange.gateway.testing.ConsoleClient;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.MutableClock;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.idp.IdentityProviderApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two replicas of node kz — two gateway processes' application contexts on the SAME PostgreSQL,
 * replica A with its embedded server and replica B connected to it as production replicas are —
 * and the sample identity provider. The console's session lives in the database: a person signed
 * in on A continues on B with the same cookie (a page, a CSRF-protected change whose flash message
 * B writes and A shows), signs out on B and is signed out on A; a sign-in begun on A completes on
 * B; an idle session expires and is deleted; the API and the node-to-node endpoints create no
 * session. Every step is real HTTP through the real sign-in (ConsoleClient). Also: the review queue
 * is shown a page at a time, whatever its length (docs/performance.md P7).
 */
class ConsoleSessionsIT {

    private static final String COOKIE = "console-kz";
    /** What a console session may hold (V39): identity, tokens, CSRF, language, the page to return to, flash messages. */
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of(
            "SPRING_SECURITY_CONTEXT",
            "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN",
            "org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS",
            "org.springframework.web.servlet.i18n.SessionLocaleResolver.LOCALE",
            "SPRING_SECURITY_SAVED_REQUEST",
            "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");

    private static TestRegion region;
    private static ConfigurableApplicationContext idp;
    private static ConfigurableApplicationContext replicaB;
    private static URI a;
    private static URI b;
    private static JdbcClient db;

    @BeforeAll
    static void start() throws Exception {
        int idpPort = freePort();
        String issuer = "--gateway.console.issuer-uri=http://127.0.0.1:" + idpPort;
        // Expired sessions are deleted every second here (every minute by default).
        String cleanup = "--spring.session.jdbc.cleanup-cron=* * * * * *";
        region = TestRegion.create();
        ConfigurableApplicationContext replicaA = region.start("kz", issuer, cleanup,
                "--gateway.sample-data.location=" + TestRegion.sampleData("kz"));
        a = URI.create("http://127.0.0.1:" + region.uri("kz", "/").getPort());
        int database = replicaA.getBean(EmbeddedPostgres.class).getPort();
        int bPort = freePort();
        Path noSampleData = Files.writeString(Files.createTempFile("no-sample-data", ".yaml"), "records: []\n");
        replicaB = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--spring.config.additional-location=file:" + region.runDir().resolve("kz/application.yml"),
                "--server.port=" + bPort, issuer, cleanup,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + database + "/postgres",
                "--spring.datasource.username=gateway_app", "--spring.flyway.user=postgres",
                "--gateway.sample-data.location=" + noSampleData,
                "--gateway.rate-limit.requests-per-minute=100000");
        b = URI.create("http://127.0.0.1:" + bPort);
        db = replicaA.getBean(JdbcClient.class);
        idp = new SpringApplicationBuilder(IdentityProviderApplication.class).run(
                "--spring.config.name=console-sessions-it-idp", "--server.port=" + idpPort, "--server.address=127.0.0.1",
                "--server.servlet.session.cookie.name=idp-session", "--spring.main.banner-mode=off",
                "--idp.region-definition=" + TestRegion.DEFINITION.toAbsolutePath().normalize(),
                "--idp.redirect-uris=http://127.0.0.1/login/oauth2/code/console",
                "--idp.post-logout-redirect-uris=" + a + "/console/signed-out," + b + "/console/signed-out",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        if (region != null) {
            region.close();
        }
    }

    @Test
    @DisplayName("signed in on A, the person continues on B with the same cookie: a page, a CSRF-protected change")
    void signedInOnAContinuesOnB() {
        ConsoleClient reviewer = new ConsoleClient();
        // A page asked for before sign-in is returned to after it: the saved request is in the database too.
        assertThat(reviewer.get(a, "/console/reviewer/queue").statusCode()).isEqualTo(302);
        String anonymous = reviewer.cookie(COOKIE);
        assertThat(anonymous).as("the page asked for is kept in a session").isNotNull();
        URI landed = reviewer.signIn(a, a, "reviewer@kz-migration");
        assertThat(landed.getPath()).isEqualTo("/console/reviewer/queue");
        String cookie = reviewer.cookie(COOKIE);
        assertThat(cookie).as("a new session id at sign-in (no fixation)").isNotEqualTo(anonymous);

        HttpResponse<String> onB = reviewer.get(b, "/console/reviewer/queue");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("id=\"queue\"").contains("KZ-MIGRATION");
        assertThat(reviewer.cookie(COOKIE)).as("the same cookie").isEqualTo(cookie);

        // A change without its CSRF token is refused on B; with the token of A's page it is done on B.
        String unknown = UUID.randomUUID().toString();
        Map<String, String> decision = Map.of("requesterNode", "kg", "decision", "APPROVE", "note", "Checked on B.");
        HttpResponse<String> forged = reviewer.post(b, "/console/reviewer/queue/" + unknown, null, decision);
        assertThat(forged.statusCode()).isEqualTo(403);
        String csrf = ConsoleClient.csrf(reviewer.get(a, "/console/reviewer/queue").body());
        HttpResponse<String> decided = reviewer.post(b, "/console/reviewer/queue/" + unknown, csrf, decision);
        assertThat(decided.statusCode()).as("B decided and redirected").isEqualTo(302);
        assertThat(ConsoleClient.location(decided).getPath()).isEqualTo("/console/reviewer/queue");
        // B's answer (a flash message in the session) is shown by A, once.
        HttpResponse<String> shownOnA = reviewer.get(a, "/console/reviewer/queue");
        assertThat(shownOnA.statusCode()).isEqualTo(200);
        assertThat(shownOnA.body()).contains("class=\"problem\"");
        assertThat(reviewer.get(b, "/console/reviewer/queue").body()).doesNotContain("class=\"problem\"");

        // What the stored session holds: identity, tokens, CSRF, language, page to return to, flash — nothing else.
        List<String> attributes = db.sql("""
                select attribute_name from console_session_attributes a
                join console_session s on s.primary_id = a.session_primary_id where s.session_id = :id""")
                .param("id", sessionId(cookie)).query(String.class).list();
        assertThat(attributes).contains("SPRING_SECURITY_CONTEXT",
                "org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS");
        assertThat(ALLOWED_ATTRIBUTES).containsAll(attributes);
        assertThat(db.sql("select principal_name from console_session where session_id = :id")
                .param("id", sessionId(cookie)).query(String.class).single()).isEqualTo("reviewer@kz-migration");
    }

    @Test
    @DisplayName("sign-out on B deletes the stored session: A refuses the cookie")
    void signOutOnBEndsTheSessionOnA() {
        ConsoleClient dpo = new ConsoleClient();
        dpo.signIn(a, a, "dpo@kz-migration");
        String cookie = dpo.cookie(COOKIE);
        HttpResponse<String> page = dpo.get(a, "/console/dpo/chain");
        assertThat(page.statusCode()).isEqualTo(200);
        // A CSRF-protected change on B first: the verification of the chain.
        HttpResponse<String> verified = dpo.post(b, "/console/dpo/chain", ConsoleClient.csrf(page.body()), Map.of());
        assertThat(verified.statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = dpo.post(b, "/console/sign-out", ConsoleClient.csrf(verified.body()), Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().allValues("Set-Cookie")).as("the cookie is expired in the same answer")
                .anyMatch(c -> c.startsWith(COOKIE + "=") && c.contains("Max-Age=0"));
        assertThat(rows(cookie)).as("the stored session is deleted").isZero();

        dpo.setCookie(COOKIE, cookie); // a stolen or kept copy of the cookie
        HttpResponse<String> onA = dpo.get(a, "/console/dpo/chain");
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(ConsoleClient.location(onA).getPath()).isEqualTo("/console/sign-in");
    }

    @Test
    @DisplayName("a sign-in begun on A completes on B (the provider's callback may reach either replica)")
    void signInBegunOnACompletesOnB() {
        long underWay = db.sql("select count(*) from console_sign_in").query(Long.class).single();
        ConsoleClient officer = new ConsoleClient();
        URI landed = officer.signIn(a, b, "officer@kz-migration");
        assertThat(landed.getPath()).isEqualTo("/console");
        assertThat(officer.get(a, "/console").statusCode()).isEqualTo(200);
        assertThat(officer.get(b, "/console/officer/requests").statusCode()).isEqualTo(200);
        assertThat(db.sql("select count(*) from console_sign_in").query(Long.class).single())
                .as("the sign-in under way is used once and removed").isEqualTo(underWay);
    }

    @Test
    @DisplayName("an idle session expires: the stored max inactive interval is the idle timeout; expired rows are deleted")
    void idleSessionExpires() throws Exception {
        ConsoleClient used = new ConsoleClient();
        used.signIn(a, a, "reviewer@kz-migration");
        ConsoleClient left = new ConsoleClient();
        left.signIn(b, b, "reviewer@kz-migration");
        for (ConsoleClient person : List.of(used, left)) {
            assertThat(db.sql("select max_inactive_interval from console_session where session_id = :id")
                    .param("id", sessionId(person.cookie(COOKIE))).query(Integer.class).single())
                    .as("gateway.console.idle-timeout, 15 minutes").isEqualTo(15 * 60);
        }
        // Both idle for the timeout and a second: as if their last request had been that long ago.
        for (ConsoleClient person : List.of(used, left)) {
            db.sql("""
                    update console_session set last_access_time = last_access_time - :shift,
                        expiry_time = expiry_time - :shift where session_id = :id""")
                    .param("shift", (15 * 60 + 1) * 1000L).param("id", sessionId(person.cookie(COOKIE))).update();
        }
        String usedCookie = used.cookie(COOKIE);
        HttpResponse<String> late = used.get(b, "/console/reviewer/queue");
        assertThat(late.statusCode()).isEqualTo(302);
        assertThat(ConsoleClient.location(late).getPath()).isEqualTo("/console/sign-in");
        assertThat(rows(usedCookie)).isZero();
        // The other is never used again: the clean-up (every second in this test) deletes it.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (rows(left.cookie(COOKIE)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(rows(left.cookie(COOKIE))).isZero();
        assertThat(db.sql("select count(*) from console_session_attributes a where not exists"
                + " (select 1 from console_session s where s.primary_id = a.session_primary_id)")
                .query(Long.class).single()).as("attributes go with their session").isZero();
    }

    @Test
    @DisplayName("an attribute that no longer reads signs the person out instead of failing the page")
    void unreadableSessionFailsClosed() {
        ConsoleClient reviewer = new ConsoleClient();
        reviewer.signIn(a, a, "reviewer@kz-migration");
        db.sql("""
                update console_session_attributes set attribute_bytes = :bytes
                where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id =
                    (select primary_id from console_session where session_id = :id)""")
                .param("bytes", "not a serialized object".getBytes(StandardCharsets.US_ASCII))
                .param("id", sessionId(reviewer.cookie(COOKIE))).update();
        HttpResponse<String> page = reviewer.get(b, "/console/reviewer/queue");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(ConsoleClient.location(page).getPath()).isEqualTo("/console/sign-in");
    }

    @Test
    @DisplayName("the API, the node-to-node endpoints and health create no session, with or without a console cookie")
    void apiCallsCreateNoSession() {
        ConsoleClient someone = new ConsoleClient();
        someone.signIn(a, a, "dpo@kz-migration");
        String consoleCookie = COOKIE + "=" + someone.cookie(COOKIE);
        long since = System.currentTimeMillis() - 1;
        long lastAccess = lastAccess(someone.cookie(COOKIE));
        String officer = region.token("KZ-MIGRATION", "officer");
        String reviewer = region.token("KZ-MIGRATION", "reviewer");
        List<HttpResponse<?>> answers = new ArrayList<>();
        for (URI replica : List.of(a, b)) {
            answers.add(Http.get(replica.resolve("/api/v1/directory/agencies"), officer));
            answers.add(Http.get(replica.resolve("/api/v1/reviews"), reviewer));
            answers.add(Http.get(replica.resolve("/api/v1/reviews"), officer)); // 403
            answers.add(Http.get(replica.resolve("/api/v1/reviews"), null)); // 401
            answers.add(Http.get(replica.resolve("/api/v1/no-such-thing"), officer));
            answers.add(Http.getBytes(replica.resolve("/api/v1/directory/agencies"), officer, "Cookie", consoleCookie));
            answers.add(Http.post(replica.resolve("/exchange/v1/requests"), null, "application/jose",
                    "not.a.jws".getBytes(StandardCharsets.US_ASCII)));
            answers.add(Http.get(replica.resolve("/.well-known/gateway-node"), null));
            answers.add(Http.get(replica.resolve("/actuator/health"), null));
        }
        assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 401, 403);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().allValues("Set-Cookie"))
                .as("%s", answer.uri()).isEmpty());
        assertThat(db.sql("select count(*) from console_session where creation_time >= :since").param("since", since)
                .query(Long.class).single()).as("sessions created by these calls").isZero();
        assertThat(lastAccess(someone.cookie(COOKIE))).as("an API call with a console cookie does not extend the session")
                .isEqualTo(lastAccess);
    }

    @Test
    @DisplayName("a sign-in under way: only the starting browser completes it, once, in time — also with two replicas at once")
    void signInRequestsAreBoundUsedOnceAndShortLived() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SignInRequests onA = new SignInRequests(db, clock);
        SignInRequests onB = new SignInRequests(replicaB.getBean(JdbcClient.class), clock);

        Cookie binding = begin(onA, "state-once");
        assertThat(onB.loadAuthorizationRequest(callback("state-once", null))).as("no cookie").isNull();
        assertThat(onB.loadAuthorizationRequest(callback("state-once", new Cookie(SignInRequests.COOKIE, "someone-else"))))
                .as("another browser").isNull();
        assertThat(onB.removeAuthorizationRequest(callback("state-once", new Cookie(SignInRequests.COOKIE, "x")),
                new MockHttpServletResponse())).as("another browser cannot use it up").isNull();
        assertThat(onB.loadAuthorizationRequest(callback("state-other", binding))).as("another state").isNull();
        assertThat(onB.loadAuthorizationRequest(callback("state-once", binding))).isNotNull();
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(onB.removeAuthorizationRequest(callback("state-once", binding), response).getState())
                .isEqualTo("state-once");
        assertThat(response.getHeader("Set-Cookie")).contains("Max-Age=0");
        assertThat(onA.removeAuthorizationRequest(callback("state-once", binding), new MockHttpServletResponse()))
                .as("used once").isNull();

        Cookie late = begin(onA, "state-late");
        clock.now = clock.now.plus(SignInRequests.LIFETIME).plusSeconds(1);
        assertThat(onB.removeAuthorizationRequest(callback("state-late", late), new MockHttpServletResponse())).isNull();

        MockHttpServletResponse started = new MockHttpServletResponse();
        onA.saveAuthorizationRequest(request("state-cookie"), new MockHttpServletRequest(), started);
        assertThat(started.getHeader("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/login/oauth2/code/");

        // The same callback reaching both replicas at the same moment signs in once.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String state = "state-race-" + round;
                Cookie raced = begin(onA, state);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<OAuth2AuthorizationRequest>> both = new ArrayList<>();
                for (SignInRequests replica : List.of(onA, onB)) {
                    both.add(replicas.submit(() -> {
                        together.await();
                        return replica.removeAuthorizationRequest(callback(state, raced), new MockHttpServletResponse());
                    }));
                }
                int used = 0;
                for (Future<OAuth2AuthorizationRequest> one : both) {
                    used += one.get() == null ? 0 : 1;
                }
                assertThat(used).as("round %d", round).isEqualTo(1);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    @DisplayName("the review queue is shown a page at a time: 25 waiting requests, 20 on the first page, 5 on the next")
    void reviewQueueIsPaged() throws Exception {
        Path kgKey;
        try (var keys = Files.list(region.runDir().resolve("keys"))) {
            kgKey = keys.filter(k -> k.getFileName().toString().matches("kg-.*\\.key\\.pem")).findFirst().orElseThrow();
        }
        HolderBenchEnvelopes envelopes = new HolderBenchEnvelopes(kgKey);
        long before = db.sql("select count(*) from exchange_received where holder_agency = 'KZ-MIGRATION'"
                + " and review_state = 'WAITING'").query(Long.class).single();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> sent = Http.post(a.resolve("/exchange/v1/requests"), null, "application/jose",
                    envelopes.envelope(i, HolderBenchEnvelopes.SAMPLE_RECORD, Instant.now(), "URGENT")
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(sent.statusCode()).isEqualTo(200);
        }
        long waiting = before + 25;
        assertThat(db.sql("select count(*) from exchange_received where holder_agency = 'KZ-MIGRATION'"
                + " and review_state = 'WAITING'").query(Long.class).single()).isEqualTo(waiting);
        ConsoleClient reviewer = new ConsoleClient();
        reviewer.signIn(a, a, "reviewer@kz-migration");
        String first = reviewer.get(b, "/console/reviewer/queue").body();
        assertThat(articles(first)).isEqualTo(20);
        assertThat(first).contains("/console/reviewer/queue?page=1").doesNotContain("?page=-1");
        String second = reviewer.get(a, "/console/reviewer/queue?page=1").body();
        assertThat(articles(second)).isEqualTo((int) Math.min(20, waiting - 20));
        assertThat(second).contains("/console/reviewer/queue?page=0");
        assertThat(articles(reviewer.get(a, "/console/reviewer/queue?page=99999999999").body())).isZero();
        String beforeFirst = reviewer.get(a, "/console/reviewer/queue?page=-3").body();
        assertThat(articles(beforeFirst)).as("a page before the first is the first").isEqualTo(20);
        assertThat(beforeFirst).contains("/console/reviewer/queue?page=1");
    }

    private static int articles(String html) {
        return html.split("<article class=\"review\"", -1).length - 1;
    }

    private static Cookie begin(SignInRequests requests, String state) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(request(state), new MockHttpServletRequest(), response);
        String header = response.getHeader("Set-Cookie");
        return new Cookie(SignInRequests.COOKIE, header.substring(header.indexOf('=') + 1, header.indexOf(';')));
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
                .clientId("console").redirectUri("http://127.0.0.1:8081/login/oauth2/code/console").state(state).build();
    }

    /** The session id a cookie names (Spring Session writes it Base64-encoded). */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    private static long rows(String cookie) {
        return db.sql("select count(*) from console_session where session_id = :id").param("id", sessionId(cookie))
                .query(Long.class).single();
    }

    private static long lastAccess(String cookie) {
        return db.sql("select last_access_time from console_session where session_id = :id")
                .param("id", sessionId(cookie)).query(Long.class).single();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
