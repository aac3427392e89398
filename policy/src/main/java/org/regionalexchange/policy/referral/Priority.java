package org.regionalexchange.policy.referral;

/**
 * How soon a person must be referred (seed 000 §6: "Persons with specific needs should be referred in a
 * priority manner"). Declared from the least to the most urgent, so that the greater constant wins.
 */
public enum Priority {
    NORMAL,
    HIGH,
    URGENT;

    public boolean isMoreUrgentThan(Priority other) {
        return compareTo(other) > 0;
    }
}
