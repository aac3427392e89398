package org.regionalexchange.policy.model;

/** Specific needs codes of a subject record (schema {@code record.json}, seed 000 §6.1). */
public enum SpecificNeed {
    UNACCOMPANIED_CHILD,
    SEPARATED_CHILD,
    SGBV_SURVIVOR,
    TRAFFICKING_VICTIM,
    TORTURE_SURVIVOR,
    DISABILITY,
    SERIOUS_MEDICAL_CONDITION,
    WOMAN_AT_RISK,
    ELDERLY
}
