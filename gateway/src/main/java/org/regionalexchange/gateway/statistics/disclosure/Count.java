package org.regionalexchange.gateway.statistics.disclosure;

/**
 * What one cell counts: {@code value} units (persons, or requests about persons) concerning
 * {@code persons} distinct persons. For a population of persons the two are equal; a cell of
 * requests may hold several requests about one person.
 */
public record Count(long value, long persons) {

    public static final Count ZERO = new Count(0, 0);

    public Count {
        if (value < 0 || persons < 0 || persons > value || (value > 0 && persons == 0)) {
            throw new IllegalArgumentException("Bad count " + value + " about " + persons
                    + " persons; expected 0 <= persons <= value, and persons > 0 when value > 0");
        }
    }

    /** A count of persons: each unit is one person. */
    public static Count ofPersons(long persons) {
        return new Count(persons, persons);
    }
}
