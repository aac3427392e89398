package org.regionalexchange.policy.referral;

import java.util.List;
import java.util.Set;

import org.regionalexchange.policy.model.Require;

/**
 * The referrals the directory offers for a person, most urgent first, and the types the person's indicators
 * call for but no agency of the directory can receive (a gap the officer must fill another way, e.g. by
 * telephone; never by referring to a country of origin).
 */
public record ReferralSuggestions(List<SuggestedReferral> suggestions, Set<ReferralType> noAgencyFor) {
    public ReferralSuggestions {
        suggestions = Require.list(suggestions, "suggestions");
        noAgencyFor = Require.enumSet(noAgencyFor, ReferralType.class, "types without an agency");
    }
}
