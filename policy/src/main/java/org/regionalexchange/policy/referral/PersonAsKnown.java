package org.regionalexchange.policy.referral;

import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Require;

/**
 * The person's identity as far as the screening officer knows it, which may be incomplete (docs/design.md
 * §11): only what the rules need.
 *
 * @param dateOfBirth   full, partial, or empty when unknown; an unknown date counts as a possible child
 * @param accompaniment with whom the person travels
 */
public record PersonAsKnown(Optional<BirthDate> dateOfBirth, Set<CountryCode> nationalities,
                            Set<CountryCode> formerHabitualResidences, Accompaniment accompaniment) {
    public PersonAsKnown {
        Require.present(dateOfBirth, "date of birth (use Optional.empty() when unknown)");
        nationalities = Require.sortedSet(nationalities, "nationalities");
        formerHabitualResidences = Require.sortedSet(formerHabitualResidences, "former habitual residences");
        Require.present(accompaniment, "accompaniment (UNKNOWN when not established)");
    }
}
