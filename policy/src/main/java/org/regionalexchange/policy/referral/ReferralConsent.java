package org.regionalexchange.policy.referral;

import java.util.Optional;
import java.util.regex.Pattern;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.Require;

/**
 * The person's informed consent to one referral and to the transfer of the categories it carries (seed 002,
 * Guideline 12: "referrals between stakeholders and either local asylum systems or UNHCR are based on the
 * informed consent of the individual. Informed consent may also be required for the transfer of personal
 * information between referring entities and third parties").
 *
 * @param givenBy            the person, or a guardian on the person's behalf
 * @param informedInLanguage the language the person was informed in, ISO 639-1 or 639-3 (e.g. {@code prs})
 * @param interpreterPresent whether an interpreter was present (seed 000 §5.2)
 * @param evidenceRef        reference of the signed slip or recording, if any
 */
public record ReferralConsent(ConsentGiver givenBy, String informedInLanguage, boolean interpreterPresent,
                              Optional<String> evidenceRef) {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public ReferralConsent {
        Require.present(givenBy, "consent givenBy");
        Require.present(informedInLanguage, "language the person was informed in");
        if (!LANGUAGE.matcher(informedInLanguage).matches()) {
            throw new IllegalArgumentException("Invalid language '" + informedInLanguage
                    + "'; expected an ISO 639-1 or 639-3 code in lower case, e.g. ru, prs");
        }
        Require.optionalNonBlank(evidenceRef, "consent evidence reference", 200);
    }
}
