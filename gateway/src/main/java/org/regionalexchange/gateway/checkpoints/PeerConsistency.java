package org.regionalexchange.gateway.checkpoints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.regionalexchange.gateway.audit.ChainVerifier.LaneHash;
import org.regionalexchange.gateway.audit.ChainVerifier.LaneHead;

/**
 * Whether a peer's new answer extends the checkpoint of that peer held here, as a Certificate
 * Transparency monitor checks that a log only grows: a lane position never gets another hash, and
 * positions never go back. Two things are compared with the checkpoint held: the hashes the peer's
 * log has now at the held positions (its witness), and the peer's new checkpoint. Pure: no I/O.
 */
final class PeerConsistency {

    private PeerConsistency() {
    }

    /**
     * What a peer answered.
     *
     * @param chainValid         whether the peer's log verified when it answered
     * @param firstBrokenEventId the peer's first broken event when it did not
     * @param checkpoint         the peer's new checkpoint; null when its chain did not verify
     * @param witness            the peer's hashes now at the non-empty lanes of the checkpoint held
     */
    record Answer(boolean chainValid, Long firstBrokenEventId, SignedCheckpoint checkpoint, List<LaneHash> witness) {
    }

    /**
     * Whether {@code witness} names exactly the non-empty lanes of {@code held} at their positions
     * (a complete answer); an answer that does not is not a statement about the held checkpoint.
     */
    static boolean witnessCovers(SignedCheckpoint held, List<LaneHash> witness) {
        List<String> asked = held == null ? List.of() : held.lanes().stream().filter(h -> h.lastEventId() != 0)
                .map(h -> h.lane() + ":" + h.lastEventId()).toList();
        return asked.equals(witness.stream().map(w -> w.lane() + ":" + w.eventId()).toList());
    }

    /** The first place where {@code answer} does not extend {@code held}; empty when it does. */
    static Optional<FirstBreak> check(SignedCheckpoint held, Answer answer) {
        if (!answer.chainValid()) {
            return Optional.of(new FirstBreak(null, answer.firstBrokenEventId(), "chain_broken"));
        }
        if (held == null) {
            return Optional.empty(); // the first checkpoint of this peer: nothing to compare it with
        }
        Map<Integer, LaneHash> witness = answer.witness().stream()
                .collect(Collectors.toMap(LaneHash::lane, Function.identity()));
        for (LaneHead before : held.lanes()) {
            LaneHead now = answer.checkpoint().lanes().get(before.lane());
            Optional<String> problem = before.lastEventId() == 0 ? Optional.empty()
                    : witnessed(before, witness.get(before.lane()));
            if (problem.isEmpty()) {
                problem = compared(before, now);
            }
            if (problem.isPresent()) {
                return Optional.of(new FirstBreak(before.lane(), before.lastEventId(), problem.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> witnessed(LaneHead before, LaneHash now) {
        if (now == null || now.hash() == null) {
            return Optional.of("event_missing");
        }
        return now.hash().equals(before.lastHash()) ? Optional.empty() : Optional.of("event_changed");
    }

    private static Optional<String> compared(LaneHead before, LaneHead now) {
        if (now.events() < before.events() || now.lastEventId() < before.lastEventId()) {
            return Optional.of("position_went_back");
        }
        boolean samePosition = now.events() == before.events();
        if (samePosition != (now.lastEventId() == before.lastEventId())
                || samePosition && !now.lastHash().equals(before.lastHash())) {
            return Optional.of("event_changed");
        }
        return Optional.empty();
    }
}
