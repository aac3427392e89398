package org.regionalexchange.gateway.statistics;

import java.util.List;

/**
 * One way a statistical table classifies its units, with every value it can take, fixed in advance
 * (never derived from the data: a list of cells that grew with the data would itself tell that
 * someone is there). The last value is the catch-all for anything unexpected.
 */
public record Dimension(String name, List<String> values) {

    public Dimension {
        values = List.copyOf(values);
        if (!name.matches("[a-z][A-Za-z]*") || values.size() < 2 || values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("Bad dimension '" + name + "'; expected a camelCase name and at least"
                    + " two distinct values");
        }
        if (values.stream().anyMatch(v -> !v.matches("[A-Za-z0-9_+-]{1,40}"))) {
            throw new IllegalArgumentException("Dimension '" + name + "' has a value that is not a plain code");
        }
    }

    /** {@code value} if it is one of this dimension's values, else the catch-all (the last value). */
    public String classify(String value) {
        return value != null && values.contains(value) ? value : values.get(values.size() - 1);
    }
}
