package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.testing.MutableClock;
import org.regionalexchange.region.DevTokens;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The cache of verified officers' tokens around a real {@link NimbusJwtDecoder} with the node's own
 * validator, on RS256 tokens signed with a real key. The clock the validator reads and the ticker
 * that ages entries are the test's own, so time passes only when a test says so.
 */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://idp.test.example/realms/regional-gateway";
    private static final String AUDIENCE = "regional-gateway";
    private static final KeyPair ISSUER_KEY = PemKeys.generateRsa();
    private static final DevTokens TOKENS = new DevTokens(ISSUER, AUDIENCE, ISSUER_KEY.getPrivate());
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final AtomicLong tickerNanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private final OAuth2TokenValidator<Jwt> validator = SecurityConfiguration.tokenValidator(
            properties(Map.of("issuer", ISSUER, "audience", AUDIENCE, "clock-skew", CLOCK_SKEW.toString())), clock);
    private final NimbusJwtDecoder plain = plainDecoder(validator);

    @Test
    @DisplayName("an officer sends the same token twice; result: it is verified once and both calls see the same token")
    void sameTokenIsVerifiedOnce() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(Duration.ofHours(1));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertEquals(1, verifications.get(), "the second call skips the signature");
        assertEquals(token, second.getTokenValue());
        assertEquals(first.getClaims(), second.getClaims());
        assertEquals(first.getHeaders(), second.getHeaders());
        assertEquals(plain.decode(token).getClaims(), second.getClaims(), "what the plain decoder gives");
        assertEquals(1, cache.size());
    }

    @Test
    @DisplayName("a remembered token's exp passes; result: the next call is refused as the plain decoder refuses it, and it is forgotten")
    void tokenExpiringWhileRememberedIsRefused() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String token = token(Duration.ofMinutes(10));
        cache.decode(token);

        // Past exp and the clock skew on the validator's clock; the entry itself is not yet aged out.
        clock.now = START.plus(Duration.ofMinutes(10)).plus(CLOCK_SKEW).plusSeconds(1);
        JwtValidationException refused = assertThrows(JwtValidationException.class, () -> cache.decode(token));
        assertEquals(1, verifications.get(), "refused on the remembered token, without verifying it again");
        JwtValidationException expected = assertThrows(JwtValidationException.class, () -> plain.decode(token));
        assertEquals(expected.getMessage(), refused.getMessage());
        assertEquals(describe(expected), describe(refused));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
        assertEquals(0, cache.size(), "a refused token is forgotten");

        clock.now = START;
        cache.decode(token);
        assertEquals(2, verifications.get(), "forgotten: verified in full again");
    }

    @Test
    @DisplayName("a remembered token comes back with one character of its signature or payload changed; result: refused, never served from the cache")
    void alteredTokenIsVerifiedInFull() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(Duration.ofHours(1));
        cache.decode(token);

        int signature = token.lastIndexOf('.') + 1;
        String alteredSignature = changeAt(token, signature + (token.length() - signature) / 2);
        assertThrows(BadJwtException.class, () -> cache.decode(alteredSignature));
        int payload = token.indexOf('.') + 1;
        String alteredPayload = changeAt(token, payload + (signature - payload) / 2);
        assertThrows(BadJwtException.class, () -> cache.decode(alteredPayload));

        assertEquals(3, verifications.get(), "each altered token went to the verifier");
        assertEquals(1, cache.size(), "only the good token is remembered");
        assertEquals(token, cache.decode(token).getTokenValue());
    }

    @Test
    @DisplayName("tokens for another audience or of another issuer, signed with the right key, and garbage; result: refused each time, never remembered")
    void refusedTokensAreNeverRemembered() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String otherAudience = new DevTokens(ISSUER, "some-other-service", ISSUER_KEY.getPrivate())
                .mint("KZ-MIGRATION", List.of("officer"), "o1", START, Duration.ofHours(1));
        String otherIssuer = new DevTokens("https://someone-else.invalid", AUDIENCE, ISSUER_KEY.getPrivate())
                .mint("KZ-MIGRATION", List.of("officer"), "o1", START, Duration.ofHours(1));

        for (int call = 0; call < 2; call++) {
            assertThrows(JwtValidationException.class, () -> cache.decode(otherAudience));
            assertThrows(JwtValidationException.class, () -> cache.decode(otherIssuer));
            assertThrows(BadJwtException.class, () -> cache.decode("not-a-jwt"));
        }

        assertEquals(6, verifications.get(), "every call verified in full");
        assertEquals(0, cache.size());
    }

    @Test
    @DisplayName("three officers' tokens in a cache of two; result: at most two are remembered")
    void sizeIsBounded() {
        VerifiedTokenCache cache = cache(2, Duration.ofMinutes(5));
        List<String> tokens = List.of(token(Duration.ofHours(1)), token(Duration.ofHours(1)), token(Duration.ofHours(1)));
        tokens.forEach(cache::decode);

        assertTrue(cache.size() <= 2, "remembered: " + cache.size());
        tokens.forEach(cache::decode);
        assertTrue(verifications.get() > 3, "at least one token was verified again: " + verifications.get());
    }

    @Test
    @DisplayName("a token is remembered for cache-ttl, and never past its own exp")
    void entriesAgeOut() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String longLived = token(Duration.ofHours(1));
        String shortLived = token(Duration.ofMinutes(2));
        cache.decode(longLived);
        cache.decode(shortLived);

        age(Duration.ofMinutes(2).plusSeconds(1));
        cache.decode(longLived);
        assertEquals(2, verifications.get(), "the long-lived token is still remembered");
        cache.decode(shortLived);
        assertEquals(3, verifications.get(), "the short-lived token was forgotten at its exp");

        age(Duration.ofMinutes(3));
        cache.decode(longLived);
        assertEquals(4, verifications.get(), "forgotten after cache-ttl, though still valid");
    }

    @Test
    @DisplayName("cache-size 0 gives the plain decoder; otherwise the cache, with its metrics; both read the node's clock")
    void decoderBean(@TempDir Path dir) throws IOException {
        Path publicKey = dir.resolve("issuer.pem");
        Files.writeString(publicKey, PemKeys.toPem(ISSUER_KEY.getPublic()));
        // A clock far from the real time: a validator reading the system clock would refuse the token.
        Instant farAway = Instant.parse("2100-01-01T00:00:00Z");
        Clock nodeClock = Clock.fixed(farAway, ZoneOffset.UTC);
        String token = TOKENS.mint("KZ-MIGRATION", List.of("officer"), "o1", farAway, Duration.ofHours(1));
        Map<String, String> base = Map.of("issuer", ISSUER, "audience", AUDIENCE,
                "public-key-location", publicKey.toString());
        SecurityConfiguration configuration = new SecurityConfiguration();

        Map<String, String> off = new HashMap<>(base);
        off.put("cache-size", "0");
        JwtDecoder plainBean = configuration.jwtDecoder(properties(off), nodeClock, new SimpleMeterRegistry());
        assertInstanceOf(NimbusJwtDecoder.class, plainBean);
        assertEquals(token, plainBean.decode(token).getTokenValue());

        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JwtDecoder cachedBean = configuration.jwtDecoder(properties(base), nodeClock, meters);
        assertInstanceOf(VerifiedTokenCache.class, cachedBean);
        cachedBean.decode(token);
        cachedBean.decode(token);
        // The names docs/operations.md gives, and nothing of the token.
        String scrape = meters.scrape();
        assertTrue(scrape.contains("cache_gets_total{cache=\"officer-tokens\",result=\"hit\"} 1.0"), scrape);
        assertTrue(scrape.contains("cache_gets_total{cache=\"officer-tokens\",result=\"miss\"} 1.0"), scrape);
        assertTrue(scrape.contains("cache_size{cache=\"officer-tokens\"} 1.0"), scrape);
        assertTrue(scrape.contains("cache_evictions_total{cache=\"officer-tokens\"} 0.0"), scrape);
        assertFalse(scrape.contains(token.substring(0, token.indexOf('.'))) || scrape.contains("KZ-MIGRATION"), scrape);
        assertThrows(JwtValidationException.class, () -> configuration.jwtDecoder(properties(base),
                Clock.offset(nodeClock, Duration.ofHours(2)), new SimpleMeterRegistry()).decode(token), "expired by the node's clock");
    }

    private VerifiedTokenCache cache(long size, Duration ttl) {
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return plain.decode(token);
        };
        return new VerifiedTokenCache(counting, validator, size, ttl, clock, tickerNanos::get);
    }

    private String token(Duration ttl) {
        return TOKENS.mint("KZ-MIGRATION", List.of("officer"), "o1", START, ttl);
    }

    private void age(Duration duration) {
        tickerNanos.addAndGet(duration.toNanos());
    }

    /** OAuth2Error has no equals: its code, description and URI. */
    private static List<String> describe(JwtValidationException refusal) {
        return refusal.getErrors().stream()
                .map(e -> e.getErrorCode() + " | " + e.getDescription() + " | " + e.getUri())
                .toList();
    }

    private static String changeAt(String token, int index) {
        char changed = token.charAt(index) == 'A' ? 'B' : 'A';
        String altered = token.substring(0, index) + changed + token.substring(index + 1);
        assertNotEquals(token, altered);
        return altered;
    }

    private static NimbusJwtDecoder plainDecoder(OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEY.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static JwtProperties properties(Map<String, String> values) {
        Map<String, String> prefixed = new HashMap<>();
        values.forEach((k, v) -> prefixed.put(JwtProperties.PREFIX + "." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bind(JwtProperties.PREFIX, JwtProperties.class)
                .get();
    }
}
