package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The checks of {@code gateway.security.jwt.*} with an issuer found by discovery. */
class JwtPropertiesTest {

    private static final String ISSUER = "https://idp.kz.example.org/realms/regional-gateway";

    @Test
    @DisplayName("issuer-uri alone is a complete configuration; issuer and audience may be left out")
    void issuerUriAlone() {
        assertEquals(List.of(), problems(Map.of("issuer-uri", ISSUER)));
        assertEquals(List.of(), problems(Map.of("issuer-uri", ISSUER, "issuer", ISSUER, "audience", "regional-gateway")));
        assertEquals(ISSUER, bind(Map.of("issuer-uri", ISSUER)).expectedIssuer());
    }

    @Test
    @DisplayName("without issuer-uri, issuer and audience stay required")
    void existingSourcesUnchanged() {
        List<String> problems = problems(Map.of("jwk-set-uri", "https://idp.example/jwks"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("gateway.security.jwt.issuer = 'null'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("gateway.security.jwt.audience = 'null'")), problems.toString());
        assertEquals(List.of(), problems(Map.of("jwk-set-uri", "https://idp.example/jwks", "issuer", "https://idp.example",
                "audience", "regional-gateway")));
    }

    @Test
    @DisplayName("one key source only, an issuer equal to issuer-uri, https unless on the loopback interface")
    void refusals() {
        assertOne(problems(Map.of("issuer-uri", ISSUER, "jwk-set-uri", "https://idp.example/jwks")),
                "gateway.security.jwt.jwk-set-uri");
        assertOne(problems(Map.of("issuer-uri", ISSUER, "issuer", "https://another.example")), "gateway.security.jwt.issuer =");
        assertOne(problems(Map.of("issuer-uri", "http://idp.kz.example.org/realms/x")), "gateway.security.jwt.issuer-uri");
        assertOne(problems(Map.of("issuer-uri", ISSUER + "?tenant=1")), "gateway.security.jwt.issuer-uri");
        assertOne(problems(Map.of("issuer-uri", ISSUER, "issuer-timeout", "0s")), "gateway.security.jwt.issuer-timeout");
        assertEquals(List.of(), problems(Map.of("issuer-uri", "http://127.0.0.1:8180/realms/x")));
        assertEquals(List.of(), problems(Map.of("issuer-uri", "http://localhost:8180/realms/x")));
    }

    @Test
    @DisplayName("the cache of verified tokens: 10000 tokens for 5 minutes unless set; size 0 turns it off; bad values are refused")
    void cacheOfVerifiedTokens() {
        JwtProperties defaults = bind(Map.of("issuer-uri", ISSUER));
        assertEquals(10000, defaults.cacheSize());
        assertEquals(Duration.ofMinutes(5), defaults.cacheTtl());
        assertEquals(List.of(), problems(Map.of("issuer-uri", ISSUER, "cache-size", "0")));
        assertEquals(List.of(), problems(Map.of("issuer-uri", ISSUER, "cache-size", "1", "cache-ttl", "1h")));
        assertOne(problems(Map.of("issuer-uri", ISSUER, "cache-size", "-1")), "gateway.security.jwt.cache-size = '-1'");
        for (String ttl : List.of("0s", "-1s", "61m")) {
            assertOne(problems(Map.of("issuer-uri", ISSUER, "cache-ttl", ttl)), "gateway.security.jwt.cache-ttl");
        }
    }

    private static void assertOne(List<String> problems, String prefix) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(prefix), problems.toString());
    }

    private static List<String> problems(Map<String, String> values) {
        ConfigurationProblems problems = new ConfigurationProblems();
        bind(values).check(JwtProperties.PREFIX, problems);
        return problems.list();
    }

    private static JwtProperties bind(Map<String, String> values) {
        Map<String, String> prefixed = new HashMap<>();
        values.forEach((k, v) -> prefixed.put(JwtProperties.PREFIX + "." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bind(JwtProperties.PREFIX, JwtProperties.class)
                .get();
    }
}
