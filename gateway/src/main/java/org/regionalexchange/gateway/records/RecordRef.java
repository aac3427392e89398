package org.regionalexchange.gateway.records;

import java.util.Objects;
import java.util.UUID;

/**
 * The reference of a record as a decision judged it: its id and the version it had then (docs/performance.md
 * R9). A release takes a reference and releases that record at that version, or nothing.
 */
public record RecordRef(UUID id, long version) {
    public RecordRef {
        Objects.requireNonNull(id, "record id");
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
