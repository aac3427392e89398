package org.regionalexchange.gateway.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The figures as CSV (RFC 4180, CRLF lines), one line per cell. The node's file lists every cell of
 * every table - published with its value, suppressed with an empty value, or empty (0) - so that
 * each cell says whether it was suppressed; the region's file lists the sums with where they are
 * incomplete. Cells are named by their dimension values ({@code sex=F;ageBand=18-59}); the total of a
 * population is the line of table {@code total}.
 */
@Component
class StatisticsCsv {

    static final String NODE_HEADER = "node,population,unit,month,table,cell,value,suppressed,threshold\r\n";
    static final String REGION_HEADER = "population,unit,month,table,cell,value,complete,suppressed_at,not_counted\r\n";

    private final MonthlyReleases releases;

    StatisticsCsv(MonthlyReleases releases) {
        this.releases = releases;
    }

    String node(JsonNode report) {
        StringBuilder out = new StringBuilder(NODE_HEADER);
        String node = report.path("node").asString();
        for (JsonNode p : report.path("populations")) {
            Population population = population(p.path("population").asString());
            for (JsonNode m : p.path("months")) {
                String prefix = String.join(",", node, population.name(), population.unit(), m.path("month").asString());
                String threshold = m.path("threshold").asString();
                JsonNode total = m.path("total");
                line(out, prefix, "total", "", total.has("value") ? total.path("value").asString() : "",
                        Boolean.toString(!total.has("value")), threshold);
                for (JsonNode t : m.path("tables")) {
                    StatisticalTable table = population.table(t.path("table").asString());
                    Map<String, String> published = published(table, t);
                    boolean restSuppressed = !"ZERO".equals(t.path("otherCells").asString());
                    for (String cell : table.cells()) {
                        String value = published.get(cell);
                        boolean suppressed = value == null && restSuppressed;
                        line(out, prefix, table.name(), name(table, cell), value != null ? value : suppressed ? "" : "0",
                                Boolean.toString(suppressed), threshold);
                    }
                }
            }
        }
        return out.toString();
    }

    String region(JsonNode report) {
        StringBuilder out = new StringBuilder(REGION_HEADER);
        for (JsonNode p : report.path("populations")) {
            Population population = population(p.path("population").asString());
            for (JsonNode m : p.path("months")) {
                String prefix = String.join(",", population.name(), population.unit(), m.path("month").asString());
                String notCounted = join(m.path("notCounted"));
                JsonNode total = m.path("total");
                line(out, prefix, "total", "", total.path("value").asString(), total.path("complete").asString(),
                        join(total.path("suppressedAt")), notCounted);
                for (JsonNode t : m.path("tables")) {
                    StatisticalTable table = population.table(t.path("table").asString());
                    for (JsonNode cell : t.path("cells")) {
                        line(out, prefix, table.name(), name(table, key(table, cell)), cell.path("value").asString(),
                                cell.path("complete").asString(), join(cell.path("suppressedAt")), notCounted);
                    }
                    line(out, prefix, table.name(), "(other cells)", "", "",
                            join(t.path("otherCells").path("suppressedAt")), notCounted);
                }
            }
        }
        return out.toString();
    }

    private Population population(String name) {
        return releases.populations().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown population " + name));
    }

    private static Map<String, String> published(StatisticalTable table, JsonNode t) {
        Map<String, String> published = new HashMap<>();
        for (JsonNode cell : t.path("cells")) {
            published.put(key(table, cell), cell.path("value").asString());
        }
        return published;
    }

    private static String key(StatisticalTable table, JsonNode cell) {
        Map<String, String> values = new HashMap<>();
        table.dimensions().forEach(d -> values.put(d.name(), cell.path(d.name()).asString()));
        return NodeStatistics.key(table, values);
    }

    /** {@code sex=F;ageBand=18-59}. */
    private static String name(StatisticalTable table, String cell) {
        String[] values = cell.split("\\|", -1);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(table.dimensions().get(i).name() + "=" + values[i]);
        }
        return String.join(";", parts);
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return String.join(" ", values);
    }

    /** Every field is a code, a number, a month or a node id: nothing to quote, nothing a spreadsheet would run. */
    private static void line(StringBuilder out, String prefix, String... fields) {
        out.append(prefix);
        for (String field : fields) {
            out.append(',').append(field);
        }
        out.append("\r\n");
    }
}
