package org.regionalexchange.gateway.statistics.disclosure;

import java.util.List;

/**
 * One month of one population (the records registered, the requests received, ...) before
 * disclosure control: its total, and its tables. Every table is a partition of the population: each
 * unit is in exactly one cell of each table, so every table adds up to the total. This is what makes
 * the protection argument of {@link DisclosureControl} exact, and it is checked here.
 */
public record CountedPopulation(Count total, List<CountedTable> tables) {

    public CountedPopulation {
        tables = List.copyOf(tables);
        for (CountedTable table : tables) {
            if (table.sum() != total.value()) {
                throw new IllegalArgumentException("Table '" + table.name() + "' adds up to " + table.sum()
                        + ", not to the population's total " + total.value() + "; a table must be a partition");
            }
            for (var cell : table.counts().entrySet()) {
                if (cell.getValue().persons() > total.persons()) {
                    throw new IllegalArgumentException("Cell '" + cell.getKey() + "' of table '" + table.name()
                            + "' has more persons than the population");
                }
            }
        }
    }
}
