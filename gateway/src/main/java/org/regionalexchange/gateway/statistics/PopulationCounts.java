package org.regionalexchange.gateway.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One month of one population as counted by a {@link StatisticsSource}, before disclosure control:
 * the total and the cells of each table, each with the units it holds and the distinct persons they
 * concern. Units of unexpected values go to their dimension's catch-all; two raw rows landing in one
 * cell add their units, and keep the larger count of persons (which persons two rows share is not
 * known; fewer persons means more suppression, never less).
 */
public final class PopulationCounts {

    /** Units and the distinct persons they concern. */
    public record Tally(long units, long persons) {
    }

    private final Population population;
    private Tally total = new Tally(0, 0);
    private final Map<String, Map<String, Tally>> cells = new LinkedHashMap<>();

    public PopulationCounts(Population population) {
        this.population = population;
        population.tables().forEach(t -> cells.put(t.name(), new LinkedHashMap<>()));
    }

    public Population population() {
        return population;
    }

    public PopulationCounts total(long units, long persons) {
        total = new Tally(units, persons);
        return this;
    }

    /** Adds {@code units} (about {@code persons}) to the cell of {@code table} named by raw values. */
    public PopulationCounts add(String table, List<String> rawValues, long units, long persons) {
        String cell = population.table(table).cell(rawValues);
        cells.get(table).merge(cell, new Tally(units, persons),
                (a, b) -> new Tally(a.units() + b.units(), Math.max(a.persons(), b.persons())));
        return this;
    }

    public Tally total() {
        return total;
    }

    /** The cells of {@code table} that hold anything. */
    public Map<String, Tally> cells(String table) {
        return Map.copyOf(cells.get(table));
    }
}
