package org.regionalexchange.gateway.checkpoints;

/** The {@code typ} of each signed statement of this feature (docs/exchange.md). */
final class CheckpointMessages {

    /** A node's checkpoint of its own access log; kept by the DPO and by the node's peers. */
    static final String CHECKPOINT = "gateway-checkpoint+jwt";
    /** A node asks a peer for its latest checkpoint (schema {@code checkpoint-query.json}). */
    static final String QUERY = "gateway-checkpoint-query+jwt";
    /** The peer's answer, bound to the query (schema {@code checkpoint-answer.json}). */
    static final String ANSWER = "gateway-checkpoint-answer+jwt";
    static final String JOSE = "application/jose";

    private CheckpointMessages() {
    }
}
