package org.regionalexchange.gateway.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a population: the dimensions that classify each unit. Every unit is in exactly one
 * cell (a partition of the population), which the disclosure control relies on. A cell is named by
 * its dimension values joined with {@code '|'}, e.g. {@code F|18-59}.
 */
public record StatisticalTable(String name, List<Dimension> dimensions) {

    static final String SEPARATOR = "|";

    public StatisticalTable {
        dimensions = List.copyOf(dimensions);
        if (!name.matches("[a-z][a-z-]{1,39}") || dimensions.isEmpty()) {
            throw new IllegalArgumentException("Bad table '" + name + "'; expected a lower-case name and a dimension");
        }
    }

    /** Every cell the table can have, in a fixed order. */
    public List<String> cells() {
        List<String> cells = List.of("");
        for (Dimension dimension : dimensions) {
            List<String> longer = new ArrayList<>();
            for (String prefix : cells) {
                for (String value : dimension.values()) {
                    longer.add(prefix.isEmpty() ? value : prefix + SEPARATOR + value);
                }
            }
            cells = longer;
        }
        return cells;
    }

    /** The cell of a unit with these raw values (one per dimension, in order), unexpected ones in the catch-all. */
    public String cell(List<String> rawValues) {
        if (rawValues.size() != dimensions.size()) {
            throw new IllegalArgumentException("Table '" + name + "' has " + dimensions.size() + " dimensions");
        }
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            if (i > 0) {
                cell.append(SEPARATOR);
            }
            cell.append(dimensions.get(i).classify(rawValues.get(i)));
        }
        return cell.toString();
    }
}
