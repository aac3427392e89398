package org.regionalexchange.policy.referral;

/** On what ground a referral leaves; shown to the data-protection officer as such (docs/design.md §11). */
public enum ReferralBasis {
    /** The person's (or guardian's) informed consent (seed 002). */
    CONSENT,
    /** A child's referral to child protection without consent, with a recorded best-interest reason (002; 000 §4). */
    CHILD_BEST_INTEREST
}
