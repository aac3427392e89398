package org.regionalexchange.policy;

import java.util.Objects;

/** A requester-visible reason: its code and the human-readable message. */
public record Reason(ReasonCode code, String message) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.isRequesterVisible()) {
            throw new IllegalArgumentException("Reason code '" + code + "' is for the holder's log only;"
                    + " expected a requester-visible code");
        }
    }

    static Reason of(ReasonCode code) {
        return new Reason(code, code.message());
    }
}
