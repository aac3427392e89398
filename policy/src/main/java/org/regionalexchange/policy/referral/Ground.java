package org.regionalexchange.policy.referral;

import java.util.Optional;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Require;
import org.regionalexchange.policy.model.SpecificNeed;

/**
 * One answer or fact that raised an indicator, so that every indicator says why it is there
 * (docs/design.md §11: "each with the answers that raised it").
 *
 * @param source where it comes from: a question id ({@code reasonsForLeaving}), {@code dateOfBirth},
 *               {@code accompaniment} or {@code specificNeeds}
 * @param value  the option code, the date of birth as known ({@code unknown} when it is not), the company,
 *               or the specific need
 */
public record Ground(String source, String value) {
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String ACCOMPANIMENT = "accompaniment";
    public static final String SPECIFIC_NEEDS = "specificNeeds";

    public Ground {
        Require.nonBlank(source, "ground source", 40);
        Require.nonBlank(value, "ground value", 50);
    }

    public static Ground answer(AnswerCode code) {
        return new Ground(code.question(), code.option());
    }

    public static Ground dateOfBirth(Optional<BirthDate> dateOfBirth) {
        return new Ground(DATE_OF_BIRTH, dateOfBirth.map(BirthDate::toString).orElse("unknown"));
    }

    public static Ground accompaniment(Accompaniment accompaniment) {
        return new Ground(ACCOMPANIMENT, accompaniment.name());
    }

    public static Ground observed(ObservedNeed need) {
        return new Ground(SPECIFIC_NEEDS, need.name());
    }

    public static Ground onRecord(SpecificNeed need) {
        return new Ground(SPECIFIC_NEEDS, need.name());
    }

    /** Whether this is a specific need observed at the interview or held on a record. */
    public boolean isSpecificNeed() {
        return source.equals(SPECIFIC_NEEDS);
    }

    @Override
    public String toString() {
        return source + "=" + value;
    }
}
