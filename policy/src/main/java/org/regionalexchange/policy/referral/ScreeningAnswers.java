package org.regionalexchange.policy.referral;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Require;

/**
 * What one screening interview established (seed 000 §5.1-5.5, Annex 1), as far as the identification and
 * referral rules need it. Checked against the questionnaire with {@link Questionnaire#problems}.
 *
 * @param chosen          every answer option chosen, e.g. {@code reasonsForLeaving.PERSECUTION}, {@code forcedToLeave.YES}
 * @param specified       the free text of each chosen "other (specify)" option
 * @param journeyStart    the answer to "Where did your journey begin?" (Annex 1, question 2): a country the person left
 * @param countriesFled   other countries the person names as the one they left or fled
 * @param countriesFeared countries the person fears being returned to (Annex 1, questions 13 and 14)
 * @param observedNeeds   specific needs observed or expressed (000 §5.5, §6.1)
 */
public record ScreeningAnswers(PersonAsKnown person, Set<AnswerCode> chosen, Map<AnswerCode, String> specified,
                               Optional<CountryCode> journeyStart, Set<CountryCode> countriesFled,
                               Set<CountryCode> countriesFeared, Set<ObservedNeed> observedNeeds) {
    public ScreeningAnswers {
        Require.present(person, "person");
        chosen = Require.sortedSet(chosen, "chosen answers");
        Require.present(specified, "specified texts");
        TreeMap<AnswerCode, String> texts = new TreeMap<>();
        specified.forEach((code, text) -> texts.put(Require.present(code, "answer code of a text"),
                Require.nonBlank(text, "text for " + code, 500)));
        specified = Collections.unmodifiableMap(texts);
        Require.present(journeyStart, "journey start (use Optional.empty())");
        countriesFled = Require.sortedSet(countriesFled, "countries fled");
        countriesFeared = Require.sortedSet(countriesFeared, "countries feared");
        observedNeeds = Require.enumSet(observedNeeds, ObservedNeed.class, "observed specific needs");
    }

    /**
     * The person's countries of origin as the interview tells them (docs/design.md §4, widened to what the
     * person says): nationalities, former habitual residences, the country the journey began in, countries
     * fled and countries feared. Sorted.
     */
    public Set<CountryCode> countriesOfOrigin() {
        Set<CountryCode> all = new TreeSet<>(person.nationalities());
        all.addAll(person.formerHabitualResidences());
        journeyStart.ifPresent(all::add);
        all.addAll(countriesFled);
        all.addAll(countriesFeared);
        return Collections.unmodifiableSet(all);
    }
}
