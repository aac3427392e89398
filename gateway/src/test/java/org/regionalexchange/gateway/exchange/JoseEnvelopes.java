package org.regionalexchange.gateway.exchange;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;

import org.jose4j.jws.JsonWebSignature;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.testing.TestRegion;

/** Envelopes the gateway itself would never make, built with jose4j and a node's real key. */
final class JoseEnvelopes {

    private JoseEnvelopes() {
    }

    /** A correctly signed envelope of kg that reuses {@code original}'s jti for different content. */
    static String sameJtiOtherContent(TestRegion region, String original) {
        try {
            var payload = CompactJws.parse(original).payload().deepCopy();
            payload.put("officer", "someone.else@kg-sms");
            payload.put("iat", java.time.Instant.now().getEpochSecond());
            var key = region.start("kg").getBean(NodeProperties.class).signingKeys().get(0);
            byte[] pkcs8 = PemKeys.readPrivateKey(key.privateKey()).getEncoded();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue("EdDSA");
            jws.setKeyIdHeaderValue(key.kid());
            jws.setHeader("typ", "gateway-request+jwt");
            jws.setPayload(payload.toString());
            jws.setKey(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
