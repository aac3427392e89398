package org.regionalexchange.policy;

/** Who may see a reason code. */
public enum Visibility {
    /** Sent to the requester (and logged at the holder). */
    REQUESTER,
    /** Written only to the holder's access log; never part of an answer. */
    HOLDER_LOG_ONLY
}
