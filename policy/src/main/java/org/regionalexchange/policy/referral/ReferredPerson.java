package org.regionalexchange.policy.referral;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Require;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * The person a referral is about, as the referral rules see them: where the data comes from, age, every
 * country of origin, and the indicators. Built from a screening ({@link ReferralEngine#screenedPerson}) or a
 * record ({@link ReferralEngine#recordedPerson}).
 *
 * @param countriesFled   countries the person named as left or fled (including the start of the journey)
 * @param countriesFeared countries of feared persecution or of feared return
 */
public record ReferredPerson(PersonSource source, Optional<BirthDate> dateOfBirth, Set<CountryCode> nationalities,
                             Set<CountryCode> formerHabitualResidences, Set<CountryCode> countriesFled,
                             Set<CountryCode> countriesFeared, Indicators indicators) {
    public ReferredPerson {
        Require.present(source, "person source");
        Require.present(dateOfBirth, "date of birth (use Optional.empty() when unknown)");
        nationalities = Require.sortedSet(nationalities, "nationalities");
        formerHabitualResidences = Require.sortedSet(formerHabitualResidences, "former habitual residences");
        countriesFled = Require.sortedSet(countriesFled, "countries fled");
        countriesFeared = Require.sortedSet(countriesFeared, "countries feared");
        Require.present(indicators, "indicators");
    }

    static ReferredPerson screened(ScreeningAnswers answers, Indicators indicators) {
        Set<CountryCode> fled = new TreeSet<>(answers.countriesFled());
        answers.journeyStart().ifPresent(fled::add);
        return new ReferredPerson(PersonSource.SCREENING, answers.person().dateOfBirth(),
                answers.person().nationalities(), answers.person().formerHabitualResidences(), fled,
                answers.countriesFeared(), indicators);
    }

    static ReferredPerson recorded(SubjectRecord record, Indicators indicators) {
        return new ReferredPerson(PersonSource.RECORD, record.dateOfBirth(), record.nationalities(),
                record.formerHabitualResidences(), Set.of(), record.countriesOfFear(), indicators);
    }

    /**
     * Nationalities, former habitual residences (a stateless person's country of origin), countries fled and
     * countries feared: sorted.
     */
    public Set<CountryCode> countriesOfOrigin() {
        Set<CountryCode> all = new TreeSet<>(nationalities);
        all.addAll(formerHabitualResidences);
        all.addAll(countriesFled);
        all.addAll(countriesFeared);
        return Collections.unmodifiableSet(all);
    }

    public boolean isCountryOfOrigin(CountryCode country) {
        return nationalities.contains(country) || formerHabitualResidences.contains(country)
                || countriesFled.contains(country) || countriesFeared.contains(country);
    }

    /**
     * Under 18, or could be, on that date: an unknown or partial date of birth counts while the person could
     * still be a child, and so does an officer's observation (or a record's need) of an unaccompanied or
     * separated child (seed 000 §4, best interest of the child).
     */
    public boolean couldBeChildOn(LocalDate date) {
        return IndicatorRule.couldBeChild(dateOfBirth, date) || observedAsChild();
    }

    /**
     * Under 18 on that date whatever the exact day of birth, or observed (or recorded) as an unaccompanied or
     * separated child. A person of unknown age is not certainly a child, so nobody is kept from consenting to
     * their own referral for want of a date of birth.
     */
    public boolean certainlyChildOn(LocalDate date) {
        return dateOfBirth.map(b -> b.certainlyChildOn(date)).orElse(false) || observedAsChild();
    }

    private boolean observedAsChild() {
        return indicators.groundsOf(Indicator.CHILD).stream().anyMatch(Ground::isSpecificNeed);
    }
}
