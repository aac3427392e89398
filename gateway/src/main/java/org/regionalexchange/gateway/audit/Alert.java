package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.util.List;

/**
 * One pattern the data-protection officer should look at, found in a window (docs/dpo-guide.md
 * "Alerts"). Which fields are set depends on the {@code type}; absent ones are left out of JSON.
 *
 * @param type                     {@code JUSTIFICATION_REUSED}, {@code JUSTIFICATION_NEAR_COPY},
 *                                 {@code MANY_NOT_AVAILABLE}, {@code BURST}, {@code PEER_CHECKPOINT_INCONSISTENT}
 * @param actor                    the officer concerned (many {@code NOT_AVAILABLE}, burst)
 * @param agency                   the agency concerned
 * @param action                   the logged action, or actions (comma-separated), counted
 * @param justificationFingerprint the justification used again
 * @param peerNode                 the node whose signed checkpoints disagree with each other
 * @param problem                  why they disagree (a stable code; docs/dpo-guide.md)
 * @param lane                     the lane of the peer's log where they first disagree
 * @param eventId                  the event of that lane named by the earlier checkpoint
 * @param count                    how many events (or, for a peer, gossip rounds) showed the pattern
 * @param threshold                the configured threshold reached, where there is one
 * @param from                     the first occurrence
 * @param to                       the last occurrence
 * @param justificationFingerprints a near-copy alert's justifications, by fingerprint, first used first
 */
public record Alert(String type, String actor, String agency, String action, String justificationFingerprint,
        String peerNode, String problem, Integer lane, Long eventId, long count, Integer threshold, Instant from,
        Instant to, List<String> justificationFingerprints) {

    /** An alert about the officers and agencies of this node's own log. */
    static Alert ofLog(String type, String actor, String agency, String action, String justificationFingerprint,
            long count, int threshold, Instant from, Instant to) {
        return new Alert(type, actor, agency, action, justificationFingerprint, null, null, null, null, count,
                threshold, from, to, null);
    }

    /** Near-copies of one justification used by one agency for many subjects. */
    static Alert ofNearCopies(String agency, String actions, List<String> fingerprints, long subjects, int threshold,
            Instant from, Instant to) {
        return new Alert("JUSTIFICATION_NEAR_COPY", null, agency, actions, fingerprints.get(0), null, null, null, null,
                subjects, threshold, from, to, List.copyOf(fingerprints));
    }
}
