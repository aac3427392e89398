package org.regionalexchange.policy.referral;

import java.util.Arrays;

/**
 * What a screening interview can reveal about a person (docs/design.md §11), computed from the answers and
 * observations, never typed by hand. The first two come from the Annex 1 marks; the child indicators from the
 * date of birth as known and the person's company; the others are the specific needs of seed 000 §6.1.
 */
public enum Indicator {
    /** Any answer marked {@code *} (seed 000, Annex 1). */
    POTENTIAL_ASYLUM_SEEKER(false),
    /** Any answer marked {@code +} (seed 000, Annex 1), or the officer suspects trafficking (000 §6.1). */
    POTENTIAL_TRAFFICKING_VICTIM(false),
    /** Under 18, or could be: a partial or unknown date of birth counts (000 §4, best interest of the child). */
    CHILD(false),
    /** A child without parents or legal representatives, or with other adults only (000 §3, §6.1). */
    UNACCOMPANIED_OR_SEPARATED_CHILD(false),
    /** 000 §6.1: "victims of violence or torture". */
    VICTIM_OF_VIOLENCE_OR_TORTURE(true),
    /** 000 §6.1: "women at risk of violence or survivors of violence". */
    WOMAN_AT_RISK(true),
    /** 000 §6.1: "elderly persons". */
    ELDERLY(true),
    /** 000 §6.1: "persons with mental or physical disabilities". */
    DISABILITY(true),
    /** 000 §5.5: "evident physical health problems", a person who "requires emergency medical care". */
    SERIOUS_MEDICAL_CONDITION(true);

    private final boolean raisableByAnswer;

    Indicator(boolean raisableByAnswer) {
        this.raisableByAnswer = raisableByAnswer;
    }

    /**
     * Whether the questionnaire file may map an answer to this indicator ({@code indicates}). The asylum and
     * trafficking indicators come only from the marks, and the child indicators only from age and company, so
     * that no file can raise or silence them another way.
     */
    public boolean isRaisableByAnswer() {
        return raisableByAnswer;
    }

    public static Indicator parse(String name) {
        for (Indicator indicator : values()) {
            if (indicator.name().equals(name)) {
                return indicator;
            }
        }
        throw new IllegalArgumentException("Unknown indicator '" + name + "'; expected one of "
                + Arrays.toString(values()));
    }
}
