package org.regionalexchange.policy.referral;

/** Whether a referral may be sent ({@code REFERRED}: the gateway answers 201, status SENT) or not (422). */
public enum ReferralOutcome {
    REFERRED,
    REFUSED
}
