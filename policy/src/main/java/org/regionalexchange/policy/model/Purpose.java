package org.regionalexchange.policy.model;

import java.util.Arrays;

/**
 * The purposes a request may state (docs/openapi.yaml, fixed wire vocabulary). The policy file decides which are
 * enabled and their limits; the two properties below are hard rules and live in code.
 */
public enum Purpose {
    RSD_CASE_PROCESSING(false, false),
    EXCLUSION_ASSESSMENT(true, false),
    SECURITY_SCREENING(true, false),
    DOCUMENT_VERIFICATION(false, false),
    FAMILY_TRACING(false, false),
    PROTECTION_REFERRAL(false, true),
    CHILD_PROTECTION(false, true),
    ANTI_TRAFFICKING(false, true);

    private final boolean securityOrExclusion;
    private final boolean protection;

    Purpose(boolean securityOrExclusion, boolean protection) {
        this.securityOrExclusion = securityOrExclusion;
        this.protection = protection;
    }

    /**
     * Security screening and exclusion assessment: CONTACT is never released for them, because an address
     * given to a body screening or excluding the person is a means to find them (docs/design.md §4).
     */
    public boolean isSecurityOrExclusion() {
        return securityOrExclusion;
    }

    /**
     * Protection purposes, the only ones for which SPECIFIC_NEEDS may be released: referral to protection
     * and care, child protection and protection of victims of trafficking (seed 000 §6.1 names exactly these
     * referrals). FAMILY_TRACING is deliberately not one: tracing needs FAMILY and CONTACT, not the
     * person's vulnerabilities.
     */
    public boolean isProtectionPurpose() {
        return protection;
    }

    public static Purpose parse(String name) {
        for (Purpose purpose : values()) {
            if (purpose.name().equals(name)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("Unknown purpose '" + name + "'; expected one of " + Arrays.toString(values()));
    }
}
