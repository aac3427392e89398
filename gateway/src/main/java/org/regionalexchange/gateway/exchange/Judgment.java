package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.exchange.HolderRecords.Candidate;
import org.regionalexchange.gateway.records.RecordFacts;
import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.policy.Decision;

/**
 * A decision and the record it judged (id and version; null when no single record was judged).
 * The holder releases data only from a judgment, and only the record at the version it names
 * (docs/performance.md R9): a decision cannot release a record other than the one it was made on.
 * A judgment made in the current transaction also keeps the record as its decision read it
 * ({@code read}), from which the release is made; a stored one (review, collection) has none.
 */
record Judgment(Decision decision, RecordRef judged, RecordFacts read) {

    Judgment {
        if (judged == null && !decision.requesterView().released().isEmpty()) {
            throw new IllegalArgumentException("a release must name the record it judged");
        }
        if (read != null && !read.ref().equals(judged)) {
            throw new IllegalArgumentException("the record read is not the one judged");
        }
    }

    /** A decision on a record judged earlier, released (if at all) from the record read again. */
    Judgment(Decision decision, RecordRef judged) {
        this(decision, judged, null);
    }

    /** A decision made on {@code candidates}: it judged the record if exactly one was a candidate. */
    static Judgment of(Decision decision, List<Candidate> candidates) {
        return candidates.size() == 1 ? new Judgment(decision, candidates.get(0).ref(), candidates.get(0).read())
                : new Judgment(decision, null, null);
    }

    UUID recordId() {
        return judged == null ? null : judged.id();
    }

    Long recordVersion() {
        return judged == null ? null : judged.version();
    }
}
