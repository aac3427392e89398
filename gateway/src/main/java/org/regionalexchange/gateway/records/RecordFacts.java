package org.regionalexchange.gateway.records;

import java.util.Objects;

import org.regionalexchange.policy.model.SubjectRecord;

/** A record's facts as the policy decides on them, with the reference of the version they were read from. */
public record RecordFacts(RecordRef ref, SubjectRecord facts) {
    public RecordFacts {
        Objects.requireNonNull(ref, "record reference");
        Objects.requireNonNull(facts, "facts");
    }
}
