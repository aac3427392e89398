package org.regionalexchange.policy.referral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where the referred person's data comes from (docs/openapi.yaml: exactly one of {@code screeningId} and {@code recordId}). */
public enum PersonSource {
    /** A screening interview: the identity as known, the specific needs observed and the answers. */
    SCREENING(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING)),
    /** A subject record of the referring node: its six categories. */
    RECORD(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CASE_STATUS, ReferralCategory.CLAIM,
            ReferralCategory.FAMILY, ReferralCategory.CONTACT, ReferralCategory.SPECIFIC_NEEDS));

    private final Set<ReferralCategory> holds;

    PersonSource(Set<ReferralCategory> holds) {
        this.holds = holds;
    }

    /** The categories this source has data of. */
    public Set<ReferralCategory> holds() {
        return Collections.unmodifiableSet(holds);
    }
}
