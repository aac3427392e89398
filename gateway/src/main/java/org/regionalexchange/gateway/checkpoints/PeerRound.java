package org.regionalexchange.gateway.checkpoints;

/**
 * What one gossip exchange with one peer found.
 *
 * @param outcome    {@code CONSISTENT}: the peer's answer extends its checkpoint held here (or is
 *                   the first); {@code INCONSISTENT}: it does not, see {@code firstBreak} (an alert);
 *                   {@code UNREACHABLE}, {@code REFUSED} (the peer answered with a problem) or
 *                   {@code ANSWER_INVALID} (its answer did not verify): nothing learned, asked
 *                   again at the next round
 * @param firstBreak where the peer's answer first fails to extend its checkpoint held here
 * @param received   the peer's new checkpoint, when its answer verified and carried one
 * @param heldOfYou  the latest checkpoint of this node that the peer holds, verified as this node's
 */
record PeerRound(String peer, Outcome outcome, FirstBreak firstBreak, SignedCheckpoint received,
        SignedCheckpoint heldOfYou) {

    enum Outcome {
        CONSISTENT, INCONSISTENT, UNREACHABLE, REFUSED, ANSWER_INVALID
    }

    static PeerRound nothingLearned(String peer, Outcome outcome) {
        return new PeerRound(peer, outcome, null, null, null);
    }
}
