package org.regionalexchange.policy.referral;

/**
 * With whom the person travels, as the officer established it (seed 002, Guideline 12: "screening procedures to
 * determine whether a child is unaccompanied or separated and to identify and verify relationships with
 * accompanying adults"). The words are those of seed 000 §3.
 */
public enum Accompaniment {
    /** With a parent or another legal representative. */
    WITH_PARENT_OR_LEGAL_REPRESENTATIVE,
    /** With adults who are not the parents or legal guardians: a child is then "separated" (000 §3). */
    WITH_OTHER_ADULTS,
    /** Alone: a child is then "unaccompanied" (000 §3). */
    ALONE,
    /** Not established. A child whose company is not established counts as unaccompanied or separated. */
    UNKNOWN;

    /** Whether a child in this company is unaccompanied or separated, or may be. */
    public boolean leavesChildUnaccompaniedOrSeparated() {
        return this != WITH_PARENT_OR_LEGAL_REPRESENTATIVE;
    }
}
