package org.regionalexchange.gateway.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the verified figures of the nodes, cell by cell. Only published figures are added: a sum
 * never holds a suppressed value, so it gives nothing back that the nodes' own figures do not. Each
 * sum says where it is incomplete - the nodes at which the cell was suppressed ({@code
 * suppressedAt}) and the nodes whose figures are not in it at all ({@code notCounted}: not
 * answering, not verified, or without this population or month); {@code complete} is true only
 * when neither list has a node.
 */
final class RegionSum {

    private final JsonMapper json;
    private final List<Population> populations;
    private final Period period;
    private final List<String> nodes;

    RegionSum(JsonMapper json, List<Population> populations, Period period, List<String> nodes) {
        this.json = json;
        this.populations = populations;
        this.period = period;
        this.nodes = nodes;
    }

    /** The region's figures from {@code figures} (node → its verified statistics document). */
    ArrayNode add(Map<String, JsonNode> figures) {
        ArrayNode result = json.createArrayNode();
        for (Population population : populations) {
            ObjectNode p = result.addObject();
            NodeStatistics.describe(p, population);
            ArrayNode months = p.putArray("months");
            for (var month : period.months()) {
                Map<String, JsonNode> counted = new LinkedHashMap<>();
                List<String> notCounted = new ArrayList<>();
                for (String node : nodes) {
                    JsonNode m = month(figures.get(node), population.name(), month.toString());
                    if (m == null) {
                        notCounted.add(node);
                    } else {
                        counted.put(node, m);
                    }
                }
                months.add(month(population, month.toString(), counted, notCounted));
            }
        }
        return result;
    }

    private ObjectNode month(Population population, String month, Map<String, JsonNode> counted,
            List<String> notCounted) {
        ObjectNode m = json.createObjectNode();
        m.put("month", month);
        strings(m.putArray("countedNodes"), new ArrayList<>(counted.keySet()));
        strings(m.putArray("notCounted"), notCounted);
        long total = 0;
        List<String> totalSuppressed = new ArrayList<>();
        for (var entry : counted.entrySet()) {
            JsonNode t = entry.getValue().path("total");
            if (t.path("value").isIntegralNumber()) {
                total += t.path("value").asLong();
            } else {
                totalSuppressed.add(entry.getKey());
            }
        }
        sum(m.putObject("total"), total, totalSuppressed, notCounted);
        ArrayNode tables = m.putArray("tables");
        for (StatisticalTable table : population.tables()) {
            tables.add(table(table, counted, notCounted));
        }
        return m;
    }

    private ObjectNode table(StatisticalTable table, Map<String, JsonNode> counted, List<String> notCounted) {
        Map<String, Long> sums = new HashMap<>();
        Map<String, List<String>> publishedAt = new HashMap<>();
        List<String> restSuppressedAt = new ArrayList<>();
        for (var entry : counted.entrySet()) {
            JsonNode t = table(entry.getValue(), table.name());
            if (t == null || !"ZERO".equals(t.path("otherCells").asString(""))) {
                restSuppressedAt.add(entry.getKey());
            }
            if (t == null) {
                continue;
            }
            for (JsonNode cell : t.path("cells")) {
                Map<String, String> values = new HashMap<>();
                cell.properties().forEach(e -> {
                    if (e.getValue().isString()) {
                        values.put(e.getKey(), e.getValue().asString());
                    }
                });
                String key = NodeStatistics.key(table, values);
                if (key != null && cell.path("value").isIntegralNumber()) {
                    sums.merge(key, cell.path("value").asLong(), Long::sum);
                    publishedAt.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.getKey());
                }
            }
        }
        ObjectNode t = json.createObjectNode();
        t.put("table", table.name());
        ArrayNode cells = t.putArray("cells");
        for (String key : table.cells()) {
            if (!sums.containsKey(key)) {
                continue;
            }
            List<String> suppressedAt = new ArrayList<>(restSuppressedAt);
            suppressedAt.removeAll(publishedAt.get(key));
            sum(NodeStatistics.cell(cells, table, key), sums.get(key), suppressedAt, notCounted);
        }
        ObjectNode rest = t.putObject("otherCells");
        strings(rest.putArray("suppressedAt"), restSuppressedAt);
        return t;
    }

    private static void sum(ObjectNode node, long value, List<String> suppressedAt, List<String> notCounted) {
        node.put("value", value);
        node.put("complete", suppressedAt.isEmpty() && notCounted.isEmpty());
        strings(node.putArray("suppressedAt"), suppressedAt);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static JsonNode month(JsonNode figures, String population, String month) {
        if (figures == null) {
            return null;
        }
        for (JsonNode p : figures.path("populations")) {
            if (population.equals(p.path("population").asString())) {
                for (JsonNode m : p.path("months")) {
                    if (month.equals(m.path("month").asString())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode table(JsonNode month, String table) {
        for (JsonNode t : month.path("tables")) {
            if (table.equals(t.path("table").asString())) {
                return t;
            }
        }
        return null;
    }
}
