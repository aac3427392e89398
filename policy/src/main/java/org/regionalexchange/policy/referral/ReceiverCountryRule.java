package org.regionalexchange.policy.referral;

/**
 * A referral never goes to, and is never suggested to, an agency of a country of origin of the person: a
 * nationality, a former habitual residence (how a stateless person has one), a country the person fled or a
 * country the person fears. Seed 002, Guideline 12: "information relating to persons referred to asylum
 * systems should not be shared with State of origin officials"; seed 000 §8.5: "information on asylum seekers
 * should not be shared with the authorities of the country of origin of the asylum seeker, as such information
 * sharing may lead to further persecution". A hard rule: no consent and no best-interest reason overrides it.
 * An organization's office (UNHCR) is no state's authority, so the rule does not concern it.
 */
final class ReceiverCountryRule {
    private ReceiverCountryRule() {
    }

    static boolean isOfCountryOfOrigin(DirectoryAgency agency, ReferredPerson person) {
        return agency.country().map(person::isCountryOfOrigin).orElse(false);
    }
}
