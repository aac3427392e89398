package org.regionalexchange.gateway.signing;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * Signs this node's messages to other nodes with its active key: adds {@code iss} (this node),
 * {@code aud}, {@code iat} and a fresh {@code jti} to the message's claims.
 */
public final class EnvelopeSigner {

    private final String nodeId;
    private final SigningKey activeKey;

    public EnvelopeSigner(String nodeId, SigningKey activeKey) {
        this.nodeId = nodeId;
        this.activeKey = activeKey;
    }

    /**
     * @param typ      the message type, e.g. {@code exchange-request+jwt}
     * @param audience the receiving node's id
     * @param message  the message claims; {@code iss}, {@code aud}, {@code iat}, {@code jti} are set here
     * @return the compact JWS
     */
    public String sign(String typ, String audience, ObjectNode message, Instant now) {
        ObjectNode payload = message.deepCopy();
        payload.put("iss", nodeId);
        payload.put("aud", audience);
        payload.put("iat", now.getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        return CompactJws.sign(activeKey, typ, payload);
    }

    public String kid() {
        return activeKey.kid();
    }
}
