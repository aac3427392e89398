package org.regionalexchange.gateway.records;

/**
 * The record a decision judged is gone or has another version now: nothing of it is released. The
 * caller answers {@code NOT_AVAILABLE} ({@code subject_changed}) and logs why.
 */
public final class RecordChanged extends RuntimeException {

    private final RecordRef judged;

    RecordChanged(RecordRef judged) {
        super("record " + judged.id() + " is no longer at version " + judged.version(), null, false, false);
        this.judged = judged;
    }

    public RecordRef judged() {
        return judged;
    }
}
