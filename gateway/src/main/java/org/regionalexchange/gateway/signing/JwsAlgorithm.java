package org.regionalexchange.gateway.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.BigIntegers;

import org.regionalexchange.policy.model.Sha256;

/**
 * The JWS algorithms of node-to-node messages (docs/design.md §7), implemented with Bouncy
 * Castle's lightweight API (several times faster than the JDK's providers on JDK 17). The key
 * decides the algorithm; a header that names another one is refused (no algorithm confusion).
 */
public enum JwsAlgorithm {

    /** Ed25519 (RFC 8037). */
    EDDSA("EdDSA"),
    /** ECDSA P-256 with SHA-256, deterministic nonces (RFC 6979), signature as R || S (RFC 7518 §3.4). */
    ES256("ES256");

    private final String headerValue;

    JwsAlgorithm(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of the JWS {@code alg} header. */
    public String headerValue() {
        return headerValue;
    }

    /** Bouncy Castle parameters of a private key, with the algorithm it signs with. */
    static AsymmetricKeyParameter privateParameters(PrivateKey key) {
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(key.getEncoded());
            of(parameters);
            return parameters;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable private key (" + key.getAlgorithm() + ")");
        }
    }

    /** Bouncy Castle parameters of a public key. */
    static AsymmetricKeyParameter publicParameters(PublicKey key) {
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            of(parameters);
            return parameters;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable public key (" + key.getAlgorithm() + ")");
        }
    }

    /** The algorithm of a key; Ed25519 and P-256 only. */
    static JwsAlgorithm of(CipherParameters key) {
        if (key instanceof Ed25519PrivateKeyParameters || key instanceof Ed25519PublicKeyParameters) {
            return EDDSA;
        }
        if (key instanceof ECPrivateKeyParameters ec && isP256(ec.getParameters().getCurve().getFieldSize())) {
            return ES256;
        }
        if (key instanceof ECPublicKeyParameters ec && isP256(ec.getParameters().getCurve().getFieldSize())) {
            return ES256;
        }
        throw new IllegalArgumentException("unsupported key type " + key.getClass().getSimpleName()
                + "; expected Ed25519 or ECDSA P-256");
    }

    /** The algorithm of a JCA key; Ed25519 and P-256 only. */
    public static JwsAlgorithm of(Key key) {
        return key instanceof PrivateKey p ? of(privateParameters(p)) : of(publicParameters((PublicKey) key));
    }

    private static boolean isP256(int fieldSize) {
        return fieldSize == 256;
    }

    byte[] sign(AsymmetricKeyParameter privateKey, byte[] signingInput) {
        if (this == EDDSA) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey);
            signer.update(signingInput, 0, signingInput.length);
            return signer.generateSignature();
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(sha256(signingInput));
        byte[] signature = new byte[64];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, signature, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[1]), 0, signature, 32, 32);
        return signature;
    }

    boolean verify(AsymmetricKeyParameter publicKey, byte[] signingInput, byte[] signature) {
        if (this == EDDSA) {
            if (signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicKey);
            verifier.update(signingInput, 0, signingInput.length);
            return verifier.verifySignature(signature);
        }
        if (signature.length != 64) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return verifier.verifySignature(sha256(signingInput), r, s);
    }

    private static byte[] sha256(byte[] input) {
        return Sha256.digest(input);
    }
}
