package org.regionalexchange.gateway.signing;

import java.util.Locale;

/**
 * An envelope that does not verify (docs/design.md §6 step 1). The {@link Reason} is logged and
 * answered as a stable code; nothing in the envelope is evaluated.
 */
public class EnvelopeRejectedException extends RuntimeException {

    /** Why an envelope was refused. */
    public enum Reason {
        MALFORMED, UNKNOWN_KEY, ALGORITHM_MISMATCH, BAD_SIGNATURE, WRONG_ISSUER, WRONG_AUDIENCE, WRONG_TYPE,
        STALE, FUTURE, REPLAYED;

        /** Stable snake_case code, e.g. {@code envelope_bad_signature}. */
        public String code() {
            return "envelope_" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public EnvelopeRejectedException(Reason reason, String detail) {
        super(reason.code() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
