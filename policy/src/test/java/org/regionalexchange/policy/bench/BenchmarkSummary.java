package org.regionalexchange.policy.bench;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Prints p50/p90/p99/p99.9 of each benchmark from a JMH JSON result, the decision's ratio to the baseline,
 * and the P2 verdict. Used by {@code bench/policy-decision}.
 */
public final class BenchmarkSummary {
    private static final double P2_TARGET_P99_MICROS = 20.0;

    private BenchmarkSummary() {
    }

    public static void main(String[] args) {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        double decideP50 = Double.NaN;
        double decideP99 = Double.NaN;
        double baselineP50 = Double.NaN;
        for (JsonNode result : results) {
            String name = result.get("benchmark").asString();
            String shortName = name.substring(name.lastIndexOf('.') + 1);
            JsonNode metric = result.get("primaryMetric");
            JsonNode p = metric.get("scorePercentiles");
            double p50 = p.get("50.0").asDouble();
            double p99 = p.get("99.0").asDouble();
            System.out.printf("%-10s mean %8.3f  p50 %8.3f  p90 %8.3f  p99 %8.3f  p99.9 %8.3f  (%s, %d samples)%n",
                    shortName, metric.get("score").asDouble(), p50, p.get("90.0").asDouble(), p99,
                    p.get("99.9").asDouble(), metric.get("scoreUnit").asString(), sampleCount(metric));
            if (shortName.equals("decide")) {
                decideP50 = p50;
                decideP99 = p99;
            } else if (shortName.equals("baseline")) {
                baselineP50 = p50;
            }
        }
        System.out.printf("decide/baseline at p50: %.1fx%n", decideP50 / baselineP50);
        System.out.printf("P2 target p99 <= %.0f us: %s (p99 %.3f us)%n", P2_TARGET_P99_MICROS,
                decideP99 <= P2_TARGET_P99_MICROS ? "MET" : "NOT MET", decideP99);
    }

    private static long sampleCount(JsonNode metric) {
        long count = 0;
        for (JsonNode iteration : metric.path("rawDataHistogram")) {
            for (JsonNode fork : iteration) {
                for (JsonNode bucket : fork) {
                    count += bucket.get(1).asLong();
                }
            }
        }
        return count;
    }
}
