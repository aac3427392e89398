package org.regionalexchange.gateway.statistics.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of a population, before disclosure control: every cell the table can have (its
 * universe, fixed in advance and never derived from the data, so that the list of cells says
 * nothing) and the count of each; a cell without a count is empty.
 */
public record CountedTable(String name, List<String> cells, Map<String, Count> counts) {

    public CountedTable {
        cells = List.copyOf(cells);
        counts = Map.copyOf(counts);
        Set<String> universe = new HashSet<>(cells);
        if (universe.size() != cells.size() || cells.size() < 2) {
            throw new IllegalArgumentException("Table '" + name + "' needs at least two distinct cells");
        }
        for (String cell : counts.keySet()) {
            if (!universe.contains(cell)) {
                throw new IllegalArgumentException("Table '" + name + "' has no cell '" + cell + "'");
            }
        }
    }

    Count count(String cell) {
        return counts.getOrDefault(cell, Count.ZERO);
    }

    long sum() {
        return counts.values().stream().mapToLong(Count::value).sum();
    }
}
