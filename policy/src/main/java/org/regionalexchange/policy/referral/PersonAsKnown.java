package org.regionalexchange.policy.referral;

import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.CountryCode;

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
        Values.present(dateOfBirth, "date of birth (use Optional.empty() when unknown)");
        nationalities = Values.sortedSet(nationalities, "nationalities");
        formerHabitualResidences = Values.sortedSet(formerHabitualResidences, "former habitual residences");
        Values.present(accompaniment, "accompaniment (UNKNOWN when not established)");
    }
}
