package org.regionalexchange.gateway.records;

import java.util.Objects;

import org.regionalexchange.policy.model.SubjectRecord;

/**
 * A record's facts as the policy decides on them, with the reference of the version they were read
 * from. It also keeps the row they were read from, reachable only inside this package: a decision
 * made on these facts releases from that very row ({@link SubjectRecords#release(RecordFacts,
 * org.regionalexchange.policy.Decision)}), not from a second read. {@link #toString()} prints the
 * reference only.
 */
public final class RecordFacts {

    private final RecordRef ref;
    private final SubjectRecord facts;
    private final RecordRow row;

    RecordFacts(RecordRow row, SubjectRecord facts) {
        this.row = Objects.requireNonNull(row, "row");
        this.ref = row.ref();
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    public RecordRef ref() {
        return ref;
    }

    public SubjectRecord facts() {
        return facts;
    }

    RecordRow row() {
        return row;
    }

    @Override
    public String toString() {
        return "RecordFacts[" + ref + "]";
    }
}
