package org.regionalexchange.gateway.signing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;

/**
 * The public keys of the participant registry by key id, converted once. A key id that is not
 * here is an unknown key: fail closed.
 */
public final class TrustedKeys {

    /** A trusted public key and the node it belongs to. */
    record TrustedKey(String kid, RegisteredNode node, JwsAlgorithm algorithm, AsymmetricKeyParameter key) {
    }

    private final Map<String, TrustedKey> byKid = new HashMap<>();

    public TrustedKeys(ParticipantRegistry registry) {
        for (RegisteredNode node : registry.nodes()) {
            for (RegisteredNode.PublishedKey published : node.keys()) {
                AsymmetricKeyParameter key = JwsAlgorithm.publicParameters(published.publicKey());
                byKid.put(published.kid(), new TrustedKey(published.kid(), node, JwsAlgorithm.of(key), key));
            }
        }
    }

    Optional<TrustedKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }
}
