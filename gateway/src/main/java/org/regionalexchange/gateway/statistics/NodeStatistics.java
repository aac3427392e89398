package org.regionalexchange.gateway.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * This node's released figures for a period, as the JSON document of {@code schemas/v1/statistics.json}:
 * per population its tables (names and dimensions) and per month the total and, per table, the
 * published cells and what the cells not listed are ({@code ZERO} or {@code SUPPRESSED}).
 */
@Component
class NodeStatistics {

    private final MonthlyReleases releases;
    private final NodeProperties node;
    private final JsonMapper json;

    NodeStatistics(MonthlyReleases releases, NodeProperties node, JsonMapper json) {
        this.releases = releases;
        this.node = node;
        this.json = json;
    }

    /** Every population of the node for {@code period}: what its own officers see. */
    ObjectNode all(Period period) {
        return report(period, p -> true);
    }

    /** The populations that leave the node: what its signed statistics carry. */
    ObjectNode forRegion(Period period) {
        return report(period, p -> p.scope() == Population.Scope.REGION);
    }

    private ObjectNode report(Period period, Predicate<Population> include) {
        ObjectNode report = json.createObjectNode();
        report.put("node", node.id());
        report.put("from", period.from().toString());
        report.put("to", period.to().toString());
        ArrayNode populations = report.putArray("populations");
        for (Population population : releases.populations()) {
            if (include.test(population)) {
                populations.add(population(population, releases.released(population, period)));
            }
        }
        return report;
    }

    private ObjectNode population(Population population, List<Release> released) {
        ObjectNode node = json.createObjectNode();
        describe(node, population);
        ArrayNode months = node.putArray("months");
        for (Release release : released) {
            ObjectNode month = months.addObject();
            month.put("month", release.month().toString());
            month.put("releasedAt", release.releasedAt().toString());
            month.put("threshold", release.threshold());
            ObjectNode total = month.putObject("total");
            if (release.figures().total().isPresent()) {
                total.put("value", release.figures().total().getAsLong());
            } else {
                total.put("suppressed", true);
            }
            ArrayNode tables = month.putArray("tables");
            for (ReleasedTable figures : release.figures().tables()) {
                StatisticalTable table = population.table(figures.name());
                ObjectNode t = tables.addObject();
                t.put("table", table.name());
                ArrayNode cells = t.putArray("cells");
                for (String cell : table.cells()) {
                    Long value = figures.published().get(cell);
                    if (value != null) {
                        ObjectNode c = cell(cells, table, cell);
                        c.put("value", value);
                    }
                }
                t.put("otherCells", figures.rest().name());
            }
        }
        return node;
    }

    /** Name, unit, scope, description and the tables with their dimensions. */
    static void describe(ObjectNode node, Population population) {
        node.put("population", population.name());
        node.put("unit", population.unit());
        node.put("scope", population.scope().name().toLowerCase(Locale.ROOT));
        node.put("description", population.description());
        ArrayNode tables = node.putArray("tables");
        for (StatisticalTable table : population.tables()) {
            ObjectNode t = tables.addObject();
            t.put("table", table.name());
            ArrayNode dimensions = t.putArray("dimensions");
            table.dimensions().forEach(d -> dimensions.add(d.name()));
        }
    }

    /** A cell object: one property per dimension, named by the dimension, valued by the cell's value of it. */
    static ObjectNode cell(ArrayNode cells, StatisticalTable table, String cell) {
        ObjectNode c = cells.addObject();
        String[] values = cell.split("\\|", -1);
        for (int i = 0; i < table.dimensions().size(); i++) {
            c.put(table.dimensions().get(i).name(), values[i]);
        }
        return c;
    }

    /** The cell key of a cell object of {@code table} ({@code F|18-59}), or null if it names no cell of it. */
    static String key(StatisticalTable table, Map<String, String> dimensionValues) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < table.dimensions().size(); i++) {
            Dimension dimension = table.dimensions().get(i);
            String value = dimensionValues.get(dimension.name());
            if (value == null || !dimension.values().contains(value)) {
                return null;
            }
            key.append(i == 0 ? "" : StatisticalTable.SEPARATOR).append(value);
        }
        return key.toString();
    }
}
