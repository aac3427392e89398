package org.regionalexchange.policy.referral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.regionalexchange.policy.model.Require;

/**
 * One answer option of a coded question, as Annex 1 prints it.
 *
 * @param code      stable code, UPPER_SNAKE_CASE, unique within its question
 * @param marks     the Annex 1 marks printed after the option ({@code *}, {@code +}, both or none)
 * @param specify   an "Other (specify)" option: choosing it needs a free text
 * @param indicates specific-need indicators the answer also reveals (only those {@link
 *                  Indicator#isRaisableByAnswer()}); the marks' indicators are never listed here
 */
public record AnswerOption(String code, Labels label, Set<Mark> marks, boolean specify, Set<Indicator> indicates) {
    public AnswerOption {
        Require.present(code, "option code");
        if (!AnswerCode.OPTION.matcher(code).matches()) {
            throw new IllegalArgumentException("Invalid option code '" + code
                    + "'; expected UPPER_SNAKE_CASE, at most 50 characters, e.g. PERSECUTION");
        }
        Require.present(label, "label of option " + code);
        marks = Require.enumSet(marks, Mark.class, "marks of option " + code);
        indicates = Require.enumSet(indicates, Indicator.class, "indicators of option " + code);
        for (Indicator indicator : indicates) {
            if (!indicator.isRaisableByAnswer()) {
                throw new IllegalArgumentException("Option " + code + " indicates " + indicator
                        + ", which comes only from " + (indicator == Indicator.CHILD
                        || indicator == Indicator.UNACCOMPANIED_OR_SEPARATED_CHILD ? "age and company" : "a mark")
                        + "; expected one of VICTIM_OF_VIOLENCE_OR_TORTURE, WOMAN_AT_RISK, ELDERLY, DISABILITY,"
                        + " SERIOUS_MEDICAL_CONDITION");
            }
        }
    }

    /** Every indicator choosing this option raises: those of its marks, then those it indicates. */
    public Set<Indicator> raises() {
        EnumSet<Indicator> all = EnumSet.noneOf(Indicator.class);
        marks.forEach(mark -> all.add(mark.indicator()));
        all.addAll(indicates);
        return Collections.unmodifiableSet(all);
    }
}
