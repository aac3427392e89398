package org.regionalexchange.gateway.statistics.disclosure;

/**
 * The disclosure threshold {@code k}: no published cell describes fewer than {@code k} persons.
 * It can be raised, never lowered below {@link #MINIMUM}.
 */
public record Threshold(int k) {

    /** The smallest threshold accepted. */
    public static final int MINIMUM = 5;

    /** The largest threshold accepted: beyond it nearly every cell of a node would be suppressed. */
    public static final int MAXIMUM = 1000;

    public Threshold {
        if (k < MINIMUM || k > MAXIMUM) {
            throw new IllegalArgumentException("Threshold " + k + " not accepted; expected " + MINIMUM + " to "
                    + MAXIMUM + " (the threshold can be raised, never lowered below " + MINIMUM + ")");
        }
    }

    /** True when a non-empty cell is too small to be published: fewer than k units or fewer than k persons. */
    boolean tooSmall(Count count) {
        return count.value() > 0 && (count.value() < k || count.persons() < k);
    }
}
