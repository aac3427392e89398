package org.regionalexchange.gateway.audit;

import java.util.Map;
import java.util.Objects;

/**
 * The append-only access log (docs/design.md §9). {@link #append} must be called inside the
 * transaction of the read or change it records: if the event cannot be written, the transaction
 * fails and nothing is read or changed. Events are never updated or deleted.
 */
public interface AccessLog {

    /** Appends {@code event}; requires an active transaction. */
    void append(AccessEvent event);

    /**
     * Appends {@code event} and makes {@code write}, the caller's change of the row the event is
     * about, in one statement: one round trip to the database for both, and both are written or
     * neither. A unique key of the caller's table that {@code write} would break fails it with
     * {@link org.springframework.dao.DuplicateKeyException}, as the write alone would; any other
     * failure is {@link AuditUnavailableException}. Requires an active transaction.
     */
    void appendWith(AccessEvent event, Write write);

    /**
     * One INSERT or UPDATE of the caller's with named parameters ({@code :name}), made in one
     * statement with an access-log row (a data-modifying {@code WITH}). Parameter names beginning
     * with {@code log_} are the log row's. {@code sql} is a constant of the code, never built from
     * values: the combined statement is made once per text and kept.
     */
    record Write(String sql, Map<String, ?> parameters) {

        public Write {
            Objects.requireNonNull(sql, "sql");
            parameters = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(parameters));
            if (parameters.keySet().stream().anyMatch(name -> name.startsWith("log_"))) {
                throw new IllegalArgumentException("parameter names beginning with log_ are the access log's");
            }
        }
    }
}
