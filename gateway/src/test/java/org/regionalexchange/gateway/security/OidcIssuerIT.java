package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A node whose officers' tokens come from a real OpenID Connect provider running in the test
 * (mock-oauth2-server: discovery document, JWK set, signed tokens), configured by
 * {@code gateway.security.jwt.issuer-uri} alone. The provider rotates its signing key while the node
 * runs; an issuer that cannot be used stops the node at start-up.
 */
class OidcIssuerIT {

    private static final String ISSUER_ID = "tj-officers";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static RotatingKeys keys;
    private static MockOAuth2Server provider;
    private static TestRegion region;
    private static String audience;

    @BeforeAll
    static void start() throws Exception {
        keys = new RotatingKeys();
        provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys),
                Set.of(), new MockWebServerWrapper(null)));
        provider.start();
        // The provider's first answer loads its classes and templates: seconds on a busy machine.
        assertEquals(200, Http.get(URI.create(provider.wellKnownUrl(ISSUER_ID).toString()), null).statusCode());
        region = TestRegion.create();
        audience = region.audience();
        useIssuer(region, "tj", provider.issuerUrl(ISSUER_ID).toString(), audience);
        region.start("tj");
    }

    @AfterAll
    static void stop() {
        if (region != null) {
            region.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    @DisplayName("a token of the discovered issuer is accepted; wrong issuer, audience or an expired one are not")
    void issuerAudienceAndExpiryAreChecked() {
        assertEquals(200, directory(token(ISSUER_ID, audience, 3600)).statusCode());
        // Same provider and signing key, another issuer identifier: refused on 'iss' alone.
        assertProblem(directory(token("another-issuer", audience, 3600)), 401, "invalid_token");
        assertProblem(directory(token(ISSUER_ID, "some-other-service", 3600)), 401, "invalid_token");
        assertProblem(directory(token(ISSUER_ID, audience, -300)), 401, "invalid_token");
    }

    @Test
    @DisplayName("after the issuer rotates its key, tokens under the new key id are accepted without a restart")
    void keyRotationAtTheIssuer() throws Exception {
        String before = token(ISSUER_ID, audience, 3600);
        assertEquals(200, directory(before).statusCode());
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        keys.rotate();
        String after = token(ISSUER_ID, audience, 3600);
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertNotEquals(oldKid, newKid, "the provider signs with a new key id");
        var answer = directory(after);
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    @DisplayName("a token signed by a key the issuer never published is refused with invalid_token")
    void unknownKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("never-published-" + UUID.randomUUID()).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(provider.issuerUrl(ISSUER_ID).toString())
                .audience(audience)
                .subject("officer.stranger")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("agency", "TJ-MIA")
                .claim("roles", List.of("officer"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(stranger));
        var answer = directory(jwt.serialize());
        assertProblem(answer, 401, "invalid_token");
        assertEquals("Bearer error=\"invalid_token\"", answer.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    @DisplayName("an issuer that does not answer at start-up stops the node (fail closed)")
    void unreachableIssuerStopsTheNode() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (TestRegion other = TestRegion.create()) {
            useIssuer(other, "kg", "http://127.0.0.1:" + closed + "/realms/kg", other.audience());
            Exception failure = assertThrows(Exception.class, () -> other.start("kg"));
            assertTrue(messages(failure).contains("cannot be used: no discovery document"), messages(failure));
        }
    }

    @Test
    @DisplayName("a discovery document naming another issuer stops the node")
    void issuerMismatchStopsTheNode() throws Exception {
        // The same provider named with a trailing slash: its document names the issuer without it, and
        // issuer identifiers compare exactly (OpenID Connect Discovery §4.3).
        String other = provider.issuerUrl(ISSUER_ID).toString() + "/";
        try (TestRegion second = TestRegion.create()) {
            useIssuer(second, "kg", other, second.audience());
            Exception failure = assertThrows(Exception.class, () -> second.start("kg"));
            assertTrue(messages(failure).contains("its discovery document names the issuer"), messages(failure));
        }
    }

    private static String token(String issuerId, String aud, long expirySeconds) {
        return provider.issueToken(issuerId, "officer.one", aud,
                Map.of("agency", "TJ-MIA", "roles", List.of("officer")), expirySeconds).serialize();
    }

    private static java.net.http.HttpResponse<String> directory(String token) {
        return Http.get(region.uri("tj", "/api/v1/directory/agencies"), token);
    }

    /** Replaces the node's token settings by an issuer found by discovery. */
    private static void useIssuer(TestRegion target, String node, String issuerUri, String aud) throws Exception {
        Path file = target.runDir().resolve(node).resolve("application.yml");
        ObjectNode config = (ObjectNode) YAML.readTree(Files.readString(file));
        ObjectNode jwt = (ObjectNode) config.path("gateway").path("security").path("jwt");
        jwt.removeAll();
        jwt.put("issuer-uri", issuerUri);
        jwt.put("audience", aud);
        // A test machine shared with other builds can be slow to answer; production keeps the 5 s default.
        jwt.put("issuer-timeout", "30s");
        Files.writeString(file, YAML.writeValueAsString(config));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /** The provider's signing key, which the test replaces by one under a new key id. */
    static final class RotatingKeys extends KeyProvider {

        private volatile RSAKey current = generate(1);
        private int generation = 1;

        RotatingKeys() {
            super(List.of(), "RS256");
        }

        @Override
        public JWK signingKey(String issuerId) {
            return current;
        }

        synchronized void rotate() {
            current = generate(++generation);
        }

        private static RSAKey generate(int generation) {
            try {
                return new RSAKeyGenerator(2048).keyID("key-" + generation + "-" + UUID.randomUUID()).generate();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
