package org.regionalexchange.gateway.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.audit.ChainVerifier;
import org.regionalexchange.gateway.audit.ChainVerifier.LaneHash;
import org.regionalexchange.gateway.audit.ChainVerifier.LaneHead;
import org.regionalexchange.gateway.audit.StoredEvent;

/**
 * The monitor's rule, without nodes: a peer's answer extends the checkpoint held of it when its
 * log still has the held hashes at the held positions and its new checkpoint only moved forward.
 * Each case: the peer answers X; result: consistent, or the first lane, event and problem.
 */
class PeerConsistencyTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @Test
    @DisplayName("the peer's log grew and still has the held hashes at the held positions; result: consistent")
    void growthIsConsistent() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10), head(3, 7, B, 2));
        SignedCheckpoint grown = checkpoint(head(0, 14, C, 13), head(3, 7, B, 2));
        assertEquals(Optional.empty(), PeerConsistency.check(held, answer(grown, hash(0, 10, A), hash(3, 7, B))));
    }

    @Test
    @DisplayName("the first checkpoint of a peer; result: consistent, there is nothing to compare it with")
    void firstCheckpointIsConsistent() {
        assertEquals(Optional.empty(), PeerConsistency.check(null, answer(checkpoint(head(0, 1, A, 1)))));
    }

    @Test
    @DisplayName("the peer's log has another hash at a held position (rewritten and re-chained); result: event_changed there")
    void rewrittenPositionIsABreak() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10), head(3, 7, B, 2));
        SignedCheckpoint grown = checkpoint(head(0, 14, C, 13), head(3, 9, C, 3));
        assertEquals(Optional.of(new FirstBreak(3, 7L, "event_changed")),
                PeerConsistency.check(held, answer(grown, hash(0, 10, A), hash(3, 7, C))));
    }

    @Test
    @DisplayName("the held event is no longer in its lane (deleted or moved); result: event_missing there")
    void missingEventIsABreak() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10));
        assertEquals(Optional.of(new FirstBreak(0, 10L, "event_missing")),
                PeerConsistency.check(held, answer(checkpoint(head(0, 12, C, 11)), hash(0, 10, null))));
    }

    @Test
    @DisplayName("the same lane position with another hash in the new checkpoint; result: event_changed")
    void samePositionOtherHashIsABreak() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10));
        assertEquals(Optional.of(new FirstBreak(0, 10L, "event_changed")),
                PeerConsistency.check(held, answer(checkpoint(head(0, 10, B, 10)), hash(0, 10, A))));
    }

    @Test
    @DisplayName("a lane with fewer events than held; result: position_went_back")
    void positionGoingBackIsABreak() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10), head(5, 8, B, 1));
        assertEquals(Optional.of(new FirstBreak(5, 8L, "position_went_back")), PeerConsistency.check(held,
                answer(checkpoint(head(0, 10, A, 10)), hash(0, 10, A), hash(5, 8, B))));
    }

    @Test
    @DisplayName("the peer says its own chain does not verify; result: chain_broken at its first broken event")
    void brokenChainIsABreak() {
        var answer = new PeerConsistency.Answer(false, 42L, null, List.of());
        assertEquals(Optional.of(new FirstBreak(null, 42L, "chain_broken")),
                PeerConsistency.check(checkpoint(head(0, 10, A, 10)), answer));
    }

    @Test
    @DisplayName("a witness that names other lanes or positions than the held ones; result: not a complete answer")
    void witnessMustCoverTheHeldLanes() {
        SignedCheckpoint held = checkpoint(head(0, 10, A, 10), head(3, 7, B, 2));
        assertTrue(PeerConsistency.witnessCovers(held, List.of(hash(0, 10, A), hash(3, 7, null))));
        assertFalse(PeerConsistency.witnessCovers(held, List.of(hash(0, 10, A))));
        assertFalse(PeerConsistency.witnessCovers(held, List.of(hash(0, 10, A), hash(3, 8, B))));
        assertTrue(PeerConsistency.witnessCovers(null, List.of()));
        assertFalse(PeerConsistency.witnessCovers(null, List.of(hash(0, 10, A))));
    }

    private static LaneHead head(int lane, long lastId, String hash, long events) {
        return new LaneHead(lane, lastId, hash, events);
    }

    private static LaneHash hash(int lane, long id, String hash) {
        return new LaneHash(lane, id, hash);
    }

    /** A checkpoint of the given lanes, every other lane empty (never signed: the rule does not look). */
    private static SignedCheckpoint checkpoint(LaneHead... heads) {
        List<LaneHead> lanes = new ArrayList<>();
        for (int lane = 0; lane < ChainVerifier.LANES; lane++) {
            lanes.add(new LaneHead(lane, 0, StoredEvent.GENESIS, 0));
        }
        for (LaneHead head : heads) {
            lanes.set(head.lane(), head);
        }
        long newest = lanes.stream().mapToLong(LaneHead::lastEventId).max().orElse(0);
        long events = lanes.stream().mapToLong(LaneHead::events).sum();
        return new SignedCheckpoint("unsigned", "test", "kz", Instant.parse("2026-03-01T09:00:00Z"), newest,
                ChainVerifier.headsHash(lanes), events, lanes, null);
    }

    private static PeerConsistency.Answer answer(SignedCheckpoint fresh, LaneHash... witness) {
        return new PeerConsistency.Answer(true, null, fresh, List.of(witness));
    }
}
