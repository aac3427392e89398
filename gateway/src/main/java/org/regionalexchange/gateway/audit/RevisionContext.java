package org.regionalexchange.gateway.audit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why the data changed in the current thread: a reason given by the officer or the correlation id
 * of the request that caused the change. The revision listener reads it when Envers writes.
 *
 * <pre>{@code RevisionContext.with("consent withdrawn at the subject's request", null, () -> service.withdraw(...));}</pre>
 */
public final class RevisionContext {

    private static final ThreadLocal<RevisionContext> CURRENT = new ThreadLocal<>();

    private final String reason;
    private final String correlationId;

    private RevisionContext(String reason, String correlationId) {
        this.reason = reason;
        this.correlationId = correlationId;
    }

    /** Runs {@code work} with the given reason and correlation id attached to any revision it makes. */
    public static <T> T with(String reason, String correlationId, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        RevisionContext previous = CURRENT.get();
        CURRENT.set(new RevisionContext(reason, correlationId));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static String reason() {
        RevisionContext context = CURRENT.get();
        return context == null ? null : context.reason;
    }

    static String correlationId() {
        RevisionContext context = CURRENT.get();
        return context == null ? null : context.correlationId;
    }
}
