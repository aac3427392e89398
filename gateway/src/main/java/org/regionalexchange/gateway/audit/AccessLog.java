package org.regionalexchange.gateway.audit;

import java.util.List;
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
     * One INSERT or UPDATE of the caller's with positional parameters ({@code ?}, bound in the order
     * of {@code values}; a value may be null), made in one statement with an access-log row (a
     * data-modifying {@code WITH}); the log row's parameters follow the caller's. {@code sql} is a
     * constant of the code, never built from values: the combined statement is made once per text
     * and kept.
     */
    record Write(String sql, List<Object> values) {

        public Write(String sql, Object... values) {
            this(sql, java.util.Arrays.asList(values.clone()));
        }

        public Write {
            Objects.requireNonNull(sql, "sql");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            long placeholders = sql.chars().filter(c -> c == '?').count();
            if (placeholders != values.size()) {
                throw new IllegalArgumentException(placeholders + " placeholders for " + values.size() + " values");
            }
        }
    }
}
