package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.exchange.HolderRecords.Candidate;
import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.policy.Decision;

/**
 * A decision and the record it judged (id and version; null when no single record was judged).
 * The holder releases data only from a judgment, and only the record at the version it names
 * (docs/performance.md R9): a decision cannot release a record other than the one it was made on.
 */
record Judgment(Decision decision, RecordRef judged) {

    Judgment {
        if (judged == null && !decision.requesterView().released().isEmpty()) {
            throw new IllegalArgumentException("a release must name the record it judged");
        }
    }

    /** A decision made on {@code candidates}: it judged the record if exactly one was a candidate. */
    static Judgment of(Decision decision, List<Candidate> candidates) {
        return new Judgment(decision, candidates.size() == 1 ? candidates.get(0).ref() : null);
    }

    UUID recordId() {
        return judged == null ? null : judged.id();
    }

    Long recordVersion() {
        return judged == null ? null : judged.version();
    }
}
