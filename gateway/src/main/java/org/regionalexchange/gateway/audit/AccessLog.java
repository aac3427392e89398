package org.regionalexchange.gateway.audit;

/**
 * The append-only access log (docs/design.md §9). {@link #append} must be called inside the
 * transaction of the read or change it records: if the event cannot be written, the transaction
 * fails and nothing is read or changed. Events are never updated or deleted.
 */
public interface AccessLog {

    /** Appends {@code event}; requires an active transaction. */
    void append(AccessEvent event);
}
