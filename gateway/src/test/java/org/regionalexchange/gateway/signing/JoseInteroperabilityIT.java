package org.regionalexchange.gateway.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * The envelopes are standard JWS (docs/design.md §7): jose4j, a JOSE implementation the gateway
 * does not use, verifies a node's envelope with the key published at /.well-known/gateway-node,
 * and the gateway verifies an envelope that jose4j signed with a node's key.
 */
class JoseInteroperabilityIT {

    private static final String TYPE = "exchange-request+jwt";

    @Test
    @DisplayName("jose4j verifies kz's envelope with the JWK kz publishes")
    void jose4jVerifiesTheGateway() throws Exception {
        TestRegion region = TestRegion.shared();
        var kz = region.start("kz");
        String envelope = kz.getBean(EnvelopeSigner.class).sign(TYPE, "kg",
                CompactJws.JSON.createObjectNode().put("purpose", "RSD_CASE_PROCESSING"), Instant.now());

        var response = Http.get(region.uri("kz", "/.well-known/gateway-node"), null);
        assertEquals(200, response.statusCode());
        var document = Problems.json(response.body());
        assertEquals("kz", document.path("nodeId").asString());
        assertEquals("KZ", document.path("country").asString());
        String kid = document.path("activeKid").asString();
        var jwkJson = document.path("keys").path(kid);
        assertEquals("OKP", jwkJson.path("kty").asString());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(envelope);
        jws.setKey(JsonWebKey.Factory.newJwk(jwkJson.toString()).getKey());
        assertTrue(jws.verifySignature(), "jose4j accepts the gateway's signature");
        assertEquals(kid, jws.getKeyIdHeaderValue());
        assertEquals("EdDSA", jws.getAlgorithmHeaderValue());
        assertTrue(jws.getPayload().contains("\"aud\":\"kg\""), jws.getPayload());
    }

    @Test
    @DisplayName("kg verifies an envelope that jose4j signed with kz's key")
    void gatewayVerifiesJose4j() throws Exception {
        TestRegion region = TestRegion.shared();
        var kz = region.start("kz");
        var kzKey = kz.getBean(NodeProperties.class).signingKeys().get(0);
        byte[] pkcs8 = PemKeys.readPrivateKey(kzKey.privateKey()).getEncoded();
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue("EdDSA");
        jws.setKeyIdHeaderValue(kzKey.kid());
        jws.setHeader("typ", TYPE);
        long now = Instant.now().getEpochSecond();
        jws.setPayload("{\"iss\":\"kz\",\"aud\":\"kg\",\"iat\":" + now + ",\"jti\":\"jose4j-1\",\"purpose\":\"FAMILY_TRACING\"}");
        jws.setKey(jdkKey);
        String envelope = jws.getCompactSerialization();

        VerifiedEnvelope verified = region.start("kg").getBean(EnvelopeVerifier.class).verify(envelope, TYPE, Instant.now());
        assertEquals("kz", verified.senderNode());
        assertEquals("FAMILY_TRACING", verified.payload().get("purpose").asString());
    }
}
