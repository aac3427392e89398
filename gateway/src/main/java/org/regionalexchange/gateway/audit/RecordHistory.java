package org.regionalexchange.gateway.audit;

import java.util.List;
import java.util.UUID;

/**
 * A source of Envers history about one subject record. Each feature that keeps audited data of a
 * record (the record itself, its consents) provides one; the DPO's revisions endpoint merges them.
 * This keeps {@code audit} free of dependencies on the features that use it.
 */
public interface RecordHistory {

    /** The revisions of this source's entities that belong to {@code recordId}; empty if none. */
    List<RevisionEntry> revisionsOf(UUID recordId);

    /** True if this source owns the record itself (its history decides whether the record exists). */
    default boolean ownsRecord() {
        return false;
    }
}
