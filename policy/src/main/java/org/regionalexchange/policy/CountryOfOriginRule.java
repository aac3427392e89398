package org.regionalexchange.policy;

import java.util.Optional;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;

/**
 * Nothing about an asylum seeker goes to the authorities of a country of origin (seed 000 §8.5:
 * "information on asylum seekers should not be shared with the authorities of the country of origin of the
 * asylum seeker, as such information sharing may lead to further persecution"; seed 002, Guideline 12:
 * "should not be shared with State of origin officials").
 *
 * <p>Countries of origin are nationalities, former habitual residences (a stateless person's country of
 * origin) and countries of feared persecution. The answer is the uniform {@code NOT_AVAILABLE}, so that the
 * requester cannot tell the person is on record; no consent and no reviewer can change it, because no later
 * step runs.
 */
final class CountryOfOriginRule {
    private CountryOfOriginRule() {
    }

    /** Step 5: the identity query itself names the requester's country as the person's nationality. */
    static boolean namedInQuery(Requester requester, SubjectSelector selector) {
        Optional<CountryCode> country = requester.country();
        return country.isPresent() && selector instanceof SubjectSelector.IdentityQuery query
                && query.nationality().equals(country);
    }

    /** Step 7: the requester's country is a country of origin of the resolved record. */
    static boolean onRecord(Requester requester, SubjectRecord record) {
        Optional<CountryCode> country = requester.country();
        return country.isPresent() && record.isCountryOfOrigin(country.get());
    }
}
