package org.regionalexchange.gateway.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The figures for the web console: the same services, period rules and CSV as
 * {@code /api/v1/statistics}, with every table expanded to all its cells, so that a screen can show
 * each cell's value or that it is suppressed (a suppressed cell has no value here either).
 */
@Component
public class StatisticsViews {

    /**
     * One cell as shown: its dimension values, its value (null when suppressed), the nodes that held
     * it back, whether every node counted it, and its bar: its share of the table's largest value in
     * tenths of a hundred (0, 10 .. 100).
     */
    public record Cell(String name, Long value, boolean suppressed, List<String> suppressedAt, boolean complete,
            int share) {

        Cell(String name, Long value, boolean suppressed, List<String> suppressedAt, boolean complete) {
            this(name, value, suppressed, suppressedAt, complete, 0);
        }

        Cell scaled(long largest) {
            int tenths = value == null || largest <= 0 ? 0 : (int) (value * 10 / largest) * 10;
            return new Cell(name, value, suppressed, suppressedAt, complete, tenths);
        }
    }

    /** One table of one month of one population; {@code total} is the population's total for the month. */
    public record Table(String population, String unit, String month, String table, List<Cell> cells, long largest) {
    }

    /** What became of one node's figures in the region's sum. */
    public record NodeAnswer(String node, boolean answered, boolean verified, String problem) {
    }

    /** The node's or the region's figures for a period, with the CSV file the API would give. */
    public record Figures(String from, String to, List<NodeAnswer> nodes, List<Table> tables) {
    }

    private final NodeStatistics node;
    private final RegionStatistics region;
    private final StatisticsCsv csv;
    private final MonthlyReleases releases;
    private final StatisticsProperties properties;
    private final NodeProperties self;
    private final Clock clock;

    StatisticsViews(NodeStatistics node, RegionStatistics region, StatisticsCsv csv, MonthlyReleases releases,
            StatisticsProperties properties, NodeProperties self, Clock clock) {
        this.node = node;
        this.region = region;
        this.csv = csv;
        this.releases = releases;
        this.properties = properties;
        this.self = self;
        this.clock = clock;
    }

    /** The last released month: what the screen offers before anything is asked. */
    public YearMonth lastReleased() {
        return Period.lastReleased(properties.releaseDelay(), clock);
    }

    /** This node's figures; a bad period is the API's {@code invalid_parameter}. */
    public Figures node(String from, String to) {
        Period period = Period.parse(from, to, properties, clock);
        JsonNode report = node.all(period);
        List<Table> tables = new ArrayList<>();
        for (JsonNode p : report.path("populations")) {
            Population population = population(p.path("population").asString());
            for (JsonNode m : p.path("months")) {
                String month = m.path("month").asString();
                JsonNode total = m.path("total");
                tables.add(table(population, month, "total", List.of(total.has("value")
                        ? new Cell("", total.path("value").asLong(), false, List.of(), true)
                        : new Cell("", null, true, List.of(), true))));
                for (JsonNode t : m.path("tables")) {
                    StatisticalTable table = population.table(t.path("table").asString());
                    Map<String, Long> published = new HashMap<>();
                    for (JsonNode c : t.path("cells")) {
                        published.put(key(table, c), c.path("value").asLong());
                    }
                    boolean restSuppressed = !"ZERO".equals(t.path("otherCells").asString());
                    List<Cell> cells = new ArrayList<>();
                    for (String cell : table.cells()) {
                        Long value = published.get(cell);
                        boolean suppressed = value == null && restSuppressed;
                        cells.add(new Cell(label(table, cell), value != null ? value : suppressed ? null : 0L, suppressed, List.of(),
                                true));
                    }
                    tables.add(table(population, month, table.name(), cells));
                }
            }
        }
        return new Figures(period.from().toString(), period.to().toString(), List.of(), tables);
    }

    /** The region's sum, with every node named and whether its envelope answered and verified. */
    public Figures region(String from, String to) {
        Period period = Period.parse(from, to, properties, clock);
        JsonNode report = region.region(period);
        List<NodeAnswer> nodes = new ArrayList<>();
        for (JsonNode n : report.path("nodes")) {
            nodes.add(new NodeAnswer(n.path("node").asString(), n.path("answered").asBoolean(),
                    n.path("verified").asBoolean(), n.has("problem") ? n.path("problem").asString() : null));
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode p : report.path("populations")) {
            Population population = population(p.path("population").asString());
            for (JsonNode m : p.path("months")) {
                String month = m.path("month").asString();
                boolean counted = m.path("notCounted").isEmpty();
                JsonNode total = m.path("total");
                tables.add(table(population, month, "total", List.of(new Cell("", total.path("value").asLong(), false,
                        strings(total.path("suppressedAt")), total.path("complete").asBoolean()))));
                for (JsonNode t : m.path("tables")) {
                    StatisticalTable table = population.table(t.path("table").asString());
                    Map<String, JsonNode> listed = new HashMap<>();
                    for (JsonNode c : t.path("cells")) {
                        listed.put(key(table, c), c);
                    }
                    List<String> restAt = strings(t.path("otherCells").path("suppressedAt"));
                    List<Cell> cells = new ArrayList<>();
                    for (String cell : table.cells()) {
                        JsonNode c = listed.get(cell);
                        if (c != null) {
                            cells.add(new Cell(label(table, cell), c.path("value").asLong(), false, strings(c.path("suppressedAt")),
                                    c.path("complete").asBoolean()));
                        } else if (!restAt.isEmpty()) {
                            // Held back at some node and published nowhere: no sum can be given.
                            cells.add(new Cell(label(table, cell), null, true, restAt, false));
                        } else {
                            cells.add(new Cell(label(table, cell), 0L, false, List.of(), counted));
                        }
                    }
                    tables.add(table(population, month, table.name(), cells));
                }
            }
        }
        return new Figures(period.from().toString(), period.to().toString(), nodes, tables);
    }

    /** The API's CSV of this node's figures: its file name and body. */
    public String[] nodeCsv(String from, String to) {
        Period period = Period.parse(from, to, properties, clock);
        return new String[] {"statistics-" + self.id() + "-" + period.from() + "-" + period.to() + ".csv",
                csv.node(node.all(period))};
    }

    /** The API's CSV of the region's figures: its file name and body. */
    public String[] regionCsv(String from, String to) {
        Period period = Period.parse(from, to, properties, clock);
        return new String[] {"statistics-region-" + period.from() + "-" + period.to() + ".csv",
                csv.region(region.region(period))};
    }

    private static Table table(Population population, String month, String name, List<Cell> cells) {
        long largest = cells.stream().filter(c -> c.value() != null).mapToLong(Cell::value).max().orElse(0);
        return new Table(population.name(), population.unit(), month, name,
                cells.stream().map(c -> c.scaled(largest)).toList(), largest);
    }

    private Population population(String name) {
        return releases.populations().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown population " + name));
    }

    private static String key(StatisticalTable table, JsonNode cell) {
        Map<String, String> values = new HashMap<>();
        table.dimensions().forEach(d -> values.put(d.name(), cell.path(d.name()).asString()));
        return NodeStatistics.key(table, values);
    }

    /** A cell as the CSV names it: {@code sex=F;ageBand=18-59}. */
    private static String label(StatisticalTable table, String cell) {
        String[] values = cell.split("\\|", -1);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(table.dimensions().get(i).name() + "=" + values[i]);
        }
        return String.join(";", parts);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
