package org.regionalexchange.policy.referral;

/**
 * The priority of a person's referral: {@code URGENT} for an unaccompanied or separated child, a suspected
 * victim of trafficking or a serious medical condition; {@code HIGH} for any other specific need (a child is
 * one: 000 §5.5 "When the person is a child"); else {@code NORMAL}. Seed 000 §6: "Persons with specific needs
 * should be referred in a priority manner"; §6.1 for trafficking: "prevention of trafficking is the first
 * protection priority"; §5.5: "If a person requires emergency medical care, the priority is to provide such
 * care"; 002: "Ensuring immediate referral of identified unaccompanied or separated children".
 */
final class PriorityRule {
    private PriorityRule() {
    }

    static Priority of(Indicators indicators) {
        Priority highest = Priority.NORMAL;
        for (Indicator indicator : indicators.raised()) {
            Priority p = of(indicator);
            if (p.isMoreUrgentThan(highest)) {
                highest = p;
            }
        }
        return highest;
    }

    static Priority of(Indicator indicator) {
        return switch (indicator) {
            case UNACCOMPANIED_OR_SEPARATED_CHILD, POTENTIAL_TRAFFICKING_VICTIM, SERIOUS_MEDICAL_CONDITION -> Priority.URGENT;
            case CHILD, VICTIM_OF_VIOLENCE_OR_TORTURE, WOMAN_AT_RISK, ELDERLY, DISABILITY -> Priority.HIGH;
            case POTENTIAL_ASYLUM_SEEKER -> Priority.NORMAL;
        };
    }
}
