package org.regionalexchange.policy.referral;

import java.util.Optional;
import java.util.Set;

import org.regionalexchange.policy.model.Require;

/**
 * One referral as the sending officer asks for it (docs/openapi.yaml, {@code POST /api/v1/referrals}).
 *
 * @param receiver           the receiving agency, from the registry (any node, not only the directory)
 * @param categories         the categories it would carry; at least one
 * @param consent            the person's informed consent, if given
 * @param bestInterestReason for a child's referral to child protection without consent: why the child's best
 *                           interest demands it (seed 002; 000 §4)
 */
public record ReferralRequest(ReferredPerson person, DirectoryAgency receiver, ReferralType type,
                              Set<ReferralCategory> categories, Optional<ReferralConsent> consent,
                              Optional<String> bestInterestReason) {
    public ReferralRequest {
        Require.present(person, "referred person");
        Require.present(receiver, "receiving agency");
        Require.present(type, "referral type");
        categories = Require.enumSet(categories, ReferralCategory.class, "referral categories");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("A referral without categories; expected at least one (IDENTITY)");
        }
        Require.present(consent, "consent (use Optional.empty())");
        Require.optionalNonBlank(bestInterestReason, "best-interest reason", 2000);
    }
}
