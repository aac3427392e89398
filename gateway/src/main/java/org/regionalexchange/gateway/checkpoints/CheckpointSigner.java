package org.regionalexchange.gateway.checkpoints;

import java.time.Clock;
import java.time.Instant;

import org.regionalexchange.gateway.audit.ChainVerifier;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs checkpoints of this node's access log with its active key: the claims {@code nodeId},
 * {@code headEventId}, {@code headHash}, {@code events}, {@code lanes} (each lane's
 * {@code lastEventId}, {@code lastHash}, {@code events}) and {@code at}, in a JWS of {@code typ}
 * {@code gateway-checkpoint+jwt} addressed to the node itself: a statement for anyone who holds the
 * registry, the DPO's copy and the peers' alike. Node id, time, positions and hashes: nothing else.
 */
@Component
class CheckpointSigner {

    private final EnvelopeSigner signer;
    private final NodeProperties node;
    private final JsonMapper json;
    private final Clock clock;

    CheckpointSigner(EnvelopeSigner signer, NodeProperties node, JsonMapper json, Clock clock) {
        this.signer = signer;
        this.node = node;
        this.json = json;
        this.clock = clock;
    }

    /** A checkpoint as signed, and the claims repeated beside it for reading. */
    record Signed(ObjectNode claims, String keyId, String compact) {

        /** The DPO's export: the claims, {@code keyId} and the JWS as {@code checkpoint}. */
        ObjectNode export() {
            ObjectNode body = claims.deepCopy();
            body.put("keyId", keyId);
            body.put("checkpoint", compact);
            return body;
        }
    }

    /** Signs the heads of a chain that verified; a chain that does not verify is never checkpointed. */
    Signed sign(ChainVerifier.Verification verified) {
        if (!verified.valid()) {
            throw new IllegalArgumentException("only a chain that verifies is checkpointed");
        }
        Instant now = clock.instant();
        ObjectNode claims = json.createObjectNode();
        claims.put("nodeId", node.id());
        claims.put("headEventId", verified.headEventId());
        claims.put("headHash", verified.headHash());
        claims.put("events", verified.events());
        var lanes = claims.putArray("lanes");
        verified.lanes().forEach(lane -> lanes.addObject().put("lane", lane.lane())
                .put("lastEventId", lane.lastEventId()).put("lastHash", lane.lastHash()).put("events", lane.events()));
        claims.put("at", now.toString());
        return new Signed(claims, signer.kid(), signer.sign(CheckpointMessages.CHECKPOINT, node.id(), claims, now));
    }
}
