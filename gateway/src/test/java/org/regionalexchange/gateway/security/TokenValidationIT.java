package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.region.DevTokens;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * Officers' bearer tokens against the three nodes of a region, over real HTTP. Each test: the client
 * sends a token; result: the node accepts it or answers 401/403 with problem+json.
 */
class TokenValidationIT {

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    private static URI directory(String node) {
        return region.uri(node, "/api/v1/directory/agencies");
    }

    @Test
    @DisplayName("a KG-SMS token is accepted by kg and refused by kz and tj")
    void tokenOfKgSmsIsAcceptedOnlyByKg() {
        String token = region.token("KG-SMS", "officer");
        var accepted = Http.get(directory("kg"), token);
        assertEquals(200, accepted.statusCode(), accepted.body());
        var agencies = Problems.json(accepted.body()).path("agencies");
        assertTrue(agencies.size() >= 7, "the directory lists the region's agencies");
        assertEquals("KG-ANTI-TRAFFICKING", agencies.get(0).path("agencyId").asString(), "sorted by id");
        for (String other : List.of("kz", "tj")) {
            assertProblem(Http.get(directory(other), token), 401, "agency_not_of_node");
        }
    }

    @Test
    @DisplayName("no token: 401 authentication_required with a Bearer challenge")
    void noToken() {
        var response = Http.get(directory("kz"), null);
        assertProblem(response, 401, "authentication_required");
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    @DisplayName("a token for another audience is refused")
    void wrongAudience() {
        DevTokens otherAudience = new DevTokens(region.issuer(), "some-other-service", issuerKey());
        assertInvalid(otherAudience.mint("KZ-MIGRATION", List.of("officer"), "o1", Instant.now(), Duration.ofHours(1)));
    }

    @Test
    @DisplayName("a token of another issuer name is refused even when signed with the right key")
    void wrongIssuer() {
        DevTokens otherIssuer = new DevTokens("https://someone-else.invalid", region.audience(), issuerKey());
        assertInvalid(otherIssuer.mint("KZ-MIGRATION", List.of("officer"), "o1", Instant.now(), Duration.ofHours(1)));
    }

    @Test
    @DisplayName("an expired token is refused")
    void expired() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        assertInvalid(region.tokens().mint("KZ-MIGRATION", List.of("officer"), "o1", twoHoursAgo, Duration.ofHours(1)));
    }

    @Test
    @DisplayName("an officer sends the same token twice; result: accepted twice, the second time from the node's cache of verified tokens")
    void sameTokenTwice() {
        MeterRegistry meters = region.start("kz").getBean(MeterRegistry.class);
        double hits = tokenCacheGets(meters, "hit");
        double misses = tokenCacheGets(meters, "miss");
        String token = region.token("KZ-MIGRATION", "officer");
        for (int call = 0; call < 2; call++) {
            var accepted = Http.get(directory("kz"), token);
            assertEquals(200, accepted.statusCode(), accepted.body());
        }
        assertEquals(misses + 1, tokenCacheGets(meters, "miss"), "verified in full once");
        assertEquals(hits + 1, tokenCacheGets(meters, "hit"), "then remembered");
    }

    @Test
    @DisplayName("an accepted token comes back with one character of its signature changed; result: 401 invalid_token, and the original is still accepted")
    void alteredSignatureOfAnAcceptedToken() {
        String token = region.token("KZ-MIGRATION", "officer");
        assertEquals(200, Http.get(directory("kz"), token).statusCode());
        int signature = token.lastIndexOf('.') + 1;
        int middle = signature + (token.length() - signature) / 2;
        String altered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        assertInvalid(altered);
        assertEquals(200, Http.get(directory("kz"), token).statusCode());
    }

    @Test
    @DisplayName("a token signed by a key other than the issuer's is refused")
    void wrongKey() {
        DevTokens forged = new DevTokens(region.issuer(), region.audience(), PemKeys.generateRsa().getPrivate());
        assertInvalid(forged.mint("KZ-MIGRATION", List.of("officer"), "o1", Instant.now(), Duration.ofHours(1)));
    }

    @Test
    @DisplayName("a token with no role the gateway knows is refused")
    void unknownRole() {
        assertInvalid(region.tokens().mint("KZ-MIGRATION", List.of("superuser"), "o1", Instant.now(),
                Duration.ofHours(1)));
    }

    @Test
    @DisplayName("a token naming an agency that is in no registry is refused")
    void unknownAgency() {
        assertProblem(Http.get(directory("kz"), region.token("XX-NOWHERE", "officer")), 401, "agency_not_of_node");
    }

    @Test
    @DisplayName("garbage in the Authorization header is refused")
    void garbage() {
        assertInvalid("not-a-jwt");
    }

    @Test
    @DisplayName("an authenticated officer without the path's role gets 403 role_not_permitted")
    void wrongRole() {
        String registrar = region.token("KZ-MIGRATION", "registrar");
        assertProblem(Http.get(region.uri("kz", "/api/v1/audit/verify"), registrar), 403, "role_not_permitted");
        assertProblem(Http.get(region.uri("kz", "/api/v1/nothing-here"), registrar), 403, "role_not_permitted");
    }

    @Test
    @DisplayName("health and info answer without a token")
    void healthIsPublic() {
        for (String node : List.of("kz", "kg", "tj")) {
            var health = Http.get(region.uri(node, "/actuator/health"), null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", Problems.json(health.body()).path("status").asString());
        }
        var info = Http.get(region.uri("kz", "/actuator/info"), null);
        assertEquals(200, info.statusCode());
        assertEquals("v1", Problems.json(info.body()).path("api-version").asString());
    }

    private static void assertInvalid(String token) {
        var response = Http.get(directory("kz"), token);
        assertProblem(response, 401, "invalid_token");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    private static double tokenCacheGets(MeterRegistry meters, String result) {
        return meters.get("cache.gets").tag("cache", VerifiedTokenCache.METRICS_NAME).tag("result", result)
                .functionCounter().count();
    }

    private static java.security.PrivateKey issuerKey() {
        try {
            return PemKeys.readPrivateKey(region.runDir().resolve(org.regionalexchange.region.RegionSetup.ISSUER_KEY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
