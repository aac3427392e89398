package org.regionalexchange.gateway.statistics;

import java.util.List;

/**
 * What a node counts by month: a set of units (persons, or requests about persons), each counted
 * once, in the month it arrived, and classified by each of the tables.
 *
 * @param name        stable wire name, e.g. {@code records-registered}
 * @param unit        what one unit is: {@code persons}, {@code requests}, {@code screenings} or {@code referrals}
 * @param scope       whether the population leaves the node in its signed statistics
 * @param description one line for the reader of the figures
 */
public record Population(String name, String unit, Scope scope, String description, List<StatisticalTable> tables) {

    /**
     * Where a population's figures go. Every event is counted in the region once: a request is
     * counted where it was decided (the holder), so the requester's own count of it stays at its
     * node - published beside the holder's, the two would let figures be subtracted across nodes.
     */
    public enum Scope {
        /** In the node's signed statistics, added into the region's. */
        REGION,
        /** In the node's own view only. */
        NODE
    }

    /** The units a population may count (the schemas' {@code unit}). */
    static final List<String> UNITS = List.of("persons", "requests", "screenings", "referrals");

    public Population {
        tables = List.copyOf(tables);
        if (!name.matches("[a-z][a-z-]{1,39}") || !UNITS.contains(unit) || tables.isEmpty()) {
            throw new IllegalArgumentException("Bad population '" + name + "'");
        }
    }

    public StatisticalTable table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Population '" + name + "' has no table '" + tableName + "'"));
    }
}
