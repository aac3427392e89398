package org.regionalexchange.gateway.statistics.disclosure;

import java.util.List;
import java.util.OptionalLong;

/** One month of one population after disclosure control: the total (empty when suppressed) and its tables. */
public record ReleasedPopulation(OptionalLong total, List<ReleasedTable> tables) {

    public ReleasedPopulation {
        tables = List.copyOf(tables);
    }
}
