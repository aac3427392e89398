package org.regionalexchange.gateway.statistics.disclosure;

import java.util.Map;

/**
 * One table after disclosure control: the published cells with their exact values, and what every
 * other cell of the table's universe is — all empty ({@link Rest#ZERO}), or all suppressed
 * ({@link Rest#SUPPRESSED}: fewer than k, possibly none, or held back to protect such a cell; an
 * empty cell is then suppressed too, so that "suppressed" never tells that someone is there).
 */
public record ReleasedTable(String name, Map<String, Long> published, Rest rest) {

    /** What the cells not published are. */
    public enum Rest {
        ZERO, SUPPRESSED
    }

    public ReleasedTable {
        published = Map.copyOf(published);
    }
}
