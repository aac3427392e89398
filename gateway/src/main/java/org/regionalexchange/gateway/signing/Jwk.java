package org.regionalexchange.gateway.signing;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/** A public key as a JSON Web Key (RFC 7517; OKP keys per RFC 8037). */
final class Jwk {

    private Jwk() {
    }

    static Map<String, String> of(String kid, PublicKey publicKey) {
        AsymmetricKeyParameter key = JwsAlgorithm.publicParameters(publicKey);
        Map<String, String> jwk = new LinkedHashMap<>();
        if (key instanceof Ed25519PublicKeyParameters ed) {
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", CompactJws.encode(ed.getEncoded()));
            jwk.put("alg", JwsAlgorithm.EDDSA.headerValue());
        } else {
            ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
            var point = ec.getQ().normalize();
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", CompactJws.encode(BigIntegers.asUnsignedByteArray(32, point.getAffineXCoord().toBigInteger())));
            jwk.put("y", CompactJws.encode(BigIntegers.asUnsignedByteArray(32, point.getAffineYCoord().toBigInteger())));
            jwk.put("alg", JwsAlgorithm.ES256.headerValue());
        }
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        return jwk;
    }
}
