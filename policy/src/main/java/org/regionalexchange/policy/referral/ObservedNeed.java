package org.regionalexchange.policy.referral;

import java.util.Arrays;

/**
 * Specific needs the officer observed or the person expressed during the interview (seed 000 §5.5 and §6.1).
 * Each raises the indicator of the same meaning; the child's need also raises {@link Indicator#CHILD}.
 */
public enum ObservedNeed {
    /** 000 §6.1 "Unaccompanied or separated children". */
    UNACCOMPANIED_OR_SEPARATED_CHILD(Indicator.UNACCOMPANIED_OR_SEPARATED_CHILD),
    /**
     * 000 §6.1 "a person suspected to be a victim of the crime of trafficking in persons"; 000 §5.5 "suspected
     * to be controlled or watched by the person accompanying him/her".
     */
    SUSPECTED_TRAFFICKING_VICTIM(Indicator.POTENTIAL_TRAFFICKING_VICTIM),
    /** 000 §6.1 "victims of violence or torture". */
    VICTIM_OF_VIOLENCE_OR_TORTURE(Indicator.VICTIM_OF_VIOLENCE_OR_TORTURE),
    /** 000 §6.1 "women at risk of violence or survivors of violence". */
    WOMAN_AT_RISK(Indicator.WOMAN_AT_RISK),
    /** 000 §6.1 "elderly persons". */
    ELDERLY(Indicator.ELDERLY),
    /** 000 §6.1 "persons with mental or physical disabilities"; 000 §5.5. */
    DISABILITY(Indicator.DISABILITY),
    /** 000 §5.5 "evident physical health problems (dehydration, malnutrition, extreme weakness, ...)". */
    SERIOUS_MEDICAL_CONDITION(Indicator.SERIOUS_MEDICAL_CONDITION);

    private final Indicator indicator;

    ObservedNeed(Indicator indicator) {
        this.indicator = indicator;
    }

    public Indicator indicator() {
        return indicator;
    }

    public static ObservedNeed parse(String name) {
        for (ObservedNeed need : values()) {
            if (need.name().equals(name)) {
                return need;
            }
        }
        throw new IllegalArgumentException("Unknown specific need '" + name + "'; expected one of "
                + Arrays.toString(values()));
    }
}
