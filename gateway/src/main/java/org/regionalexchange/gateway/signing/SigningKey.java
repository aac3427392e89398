package org.regionalexchange.gateway.signing;

import java.security.PrivateKey;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** One of this node's private signing keys, by key id. Never serialized, never logged. */
public final class SigningKey {

    private final String kid;
    private final JwsAlgorithm algorithm;
    private final AsymmetricKeyParameter privateKey;

    public SigningKey(String kid, PrivateKey privateKey) {
        this.kid = kid;
        this.privateKey = JwsAlgorithm.privateParameters(privateKey);
        this.algorithm = JwsAlgorithm.of(this.privateKey);
    }

    public String kid() {
        return kid;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    byte[] sign(byte[] signingInput) {
        return algorithm.sign(privateKey, signingInput);
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + ", " + algorithm + "]";
    }
}
