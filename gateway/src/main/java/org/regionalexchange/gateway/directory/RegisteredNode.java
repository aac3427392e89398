package org.regionalexchange.gateway.directory;

import java.security.PublicKey;
import java.util.List;

/**
 * A node of the participant registry. Its {@link #country()} is where a requester's country comes
 * from: the registry entry of the key that signed, never a claim inside a message.
 */
public record RegisteredNode(String id, String country, String organization, String baseUrl,
        List<PublishedKey> keys) {

    public RegisteredNode {
        keys = List.copyOf(keys);
    }

    /** A public signing key of a node, by key id. */
    public record PublishedKey(String kid, PublicKey publicKey) {
    }
}
