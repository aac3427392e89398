package org.regionalexchange.policy;

/** What happens to one requested category. */
public enum VerdictStatus {
    RELEASED,
    /** Passed every rule of steps 1-8; leaves only if a reviewer approves. */
    AWAITING_REVIEW,
    WITHHELD
}
