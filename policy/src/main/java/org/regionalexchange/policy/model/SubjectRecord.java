package org.regionalexchange.policy.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts about one subject that the policy needs, taken from a record the holder resolved for the
 * request (docs/design.md §4), with the record's consents.
 *
 * @param dateOfBirth     empty when unknown; an unknown date of birth counts as a possible child
 * @param protectionHold  the holder has put the record on hold: nothing about it leaves, and the answer is
 *                        the uniform {@code NOT_AVAILABLE}
 */
public record SubjectRecord(String holderRecordRef, Set<CountryCode> nationalities,
                            Set<CountryCode> formerHabitualResidences, Set<CountryCode> countriesOfFear,
                            Optional<BirthDate> dateOfBirth, Set<SpecificNeed> specificNeeds, boolean protectionHold,
                            List<Consent> consents) {
    public SubjectRecord {
        Require.text(holderRecordRef, "holder record reference", 200);
        nationalities = Require.sortedSet(nationalities, "nationalities");
        formerHabitualResidences = Require.sortedSet(formerHabitualResidences, "former habitual residences");
        countriesOfFear = Require.sortedSet(countriesOfFear, "countries of feared persecution");
        Require.present(dateOfBirth, "date of birth (use Optional.empty() when unknown)");
        specificNeeds = Require.enumSet(specificNeeds, SpecificNeed.class, "specific needs");
        consents = Require.list(consents, "consents");
    }

    /**
     * Whether the country is one of the subject's countries of origin: a nationality, a former habitual
     * residence (which is how a stateless person has one) or a country of feared persecution.
     */
    public boolean isCountryOfOrigin(CountryCode country) {
        return nationalities.contains(country) || formerHabitualResidences.contains(country)
                || countriesOfFear.contains(country);
    }

    /** Nationalities ∪ former habitual residences ∪ countries of feared persecution, sorted. */
    public Set<CountryCode> countriesOfOrigin() {
        Set<CountryCode> all = new TreeSet<>(nationalities);
        all.addAll(formerHabitualResidences);
        all.addAll(countriesOfFear);
        return java.util.Collections.unmodifiableSet(all);
    }
}
