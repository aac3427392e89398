package org.regionalexchange.gateway.checkpoints;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.audit.ChainVerifier;
import org.regionalexchange.gateway.audit.ChainVerifier.LaneHead;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's checkpoint of its access log whose signature verified against the participant registry
 * and whose claims are a checkpoint's: 16 lanes in order, a {@code headHash} that is the hash of
 * those lanes, a {@code headEventId} and {@code events} that follow from them, {@code nodeId}
 * equal to the signing node. Made only by {@link #verify}, so that a value of this type is
 * genuine (parsed once, at the edge).
 *
 * @param compact the JWS as signed
 * @param claims  its verified payload
 */
record SignedCheckpoint(String compact, String kid, String nodeId, Instant at, long headEventId, String headHash,
        long events, List<LaneHead> lanes, ObjectNode claims) {

    /**
     * Verifies {@code compact} as a checkpoint signed by a node of the registry; any failure is an
     * {@link ApiException} with a {@code checkpoint_*} code.
     */
    static SignedCheckpoint verify(String compact, EnvelopeVerifier verifier, JsonSchemas schemas) {
        VerifiedEnvelope envelope;
        try {
            envelope = verifier.authenticateStatement(compact, CheckpointMessages.CHECKPOINT);
        } catch (EnvelopeRejectedException e) {
            throw rejected(e.reason());
        }
        ObjectNode claims = envelope.payload();
        if (!schemas.validate("checkpoint", claims).isEmpty()) {
            throw malformed("its signed claims are not a checkpoint's (schema checkpoint.json)");
        }
        List<LaneHead> lanes = new ArrayList<>();
        long newest = 0;
        long events = 0;
        for (JsonNode lane : claims.get("lanes")) {
            LaneHead head = new LaneHead(lane.get("lane").asInt(), lane.get("lastEventId").asLong(),
                    lane.get("lastHash").asString(), lane.get("events").asLong());
            if (head.lane() != lanes.size()) {
                throw malformed("its lanes are not lanes 0 to 15 in order");
            }
            if ((head.events() == 0) != (head.lastEventId() == 0)) {
                throw malformed("lane " + head.lane() + " has events but no last event, or the reverse");
            }
            lanes.add(head);
            newest = Math.max(newest, head.lastEventId());
            events += head.events();
        }
        if (!envelope.senderNode().equals(claims.get("nodeId").asString())) {
            throw malformed("its nodeId is not the node that signed it");
        }
        if (!ChainVerifier.headsHash(lanes).equals(claims.get("headHash").asString())
                || claims.get("headEventId").asLong() != newest || claims.get("events").asLong() != events) {
            throw malformed("its headHash, headEventId or events do not follow from its lanes");
        }
        Instant at;
        try {
            at = Instant.parse(claims.get("at").asString());
        } catch (DateTimeParseException e) {
            throw malformed("its 'at' is not a UTC instant");
        }
        return new SignedCheckpoint(compact, envelope.kid(), envelope.senderNode(), at, newest,
                claims.get("headHash").asString(), events, List.copyOf(lanes), claims);
    }

    /** This checkpoint, if it is one of {@code node}'s; {@code checkpoint_of_other_node} if not. */
    SignedCheckpoint of(String node) {
        if (!nodeId.equals(node)) {
            throw new ApiException(ErrorCode.CHECKPOINT_OF_OTHER_NODE, "This checkpoint was signed by node '" + nodeId
                    + "'; node '" + node + "' checks only its own log. Ask that node's DPO.");
        }
        return this;
    }

    /** Whether {@code other} names the same lane heads (whatever its time and signature). */
    boolean sameHeads(SignedCheckpoint other) {
        return other != null && lanes.equals(other.lanes);
    }

    private static ApiException rejected(EnvelopeRejectedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_KEY -> new ApiException(ErrorCode.CHECKPOINT_UNKNOWN_KEY,
                    "The checkpoint's key id is not in the participant registry.");
            case BAD_SIGNATURE, ALGORITHM_MISMATCH, WRONG_ISSUER -> new ApiException(ErrorCode.CHECKPOINT_BAD_SIGNATURE,
                    "The checkpoint's signature does not verify (" + reason.code() + "): it was not signed as it"
                            + " reads by the node it names.");
            default -> malformed("it is not a signed checkpoint (" + reason.code() + ")");
        };
    }

    static ApiException malformed(String why) {
        return new ApiException(ErrorCode.CHECKPOINT_MALFORMED, "Not a checkpoint of the gateway: " + why + ".");
    }
}
