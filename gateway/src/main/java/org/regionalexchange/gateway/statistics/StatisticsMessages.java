package org.regionalexchange.gateway.statistics;

/** The {@code typ} of the statistics envelopes between nodes (docs/statistics.md). */
final class StatisticsMessages {

    /** A node's signed query for another node's statistics: claims {@code from}, {@code to}. */
    static final String QUERY = "gateway-statistics-query+jwt";
    /** A node's signed statistics, bound to the query by {@code queryDigest}: claim {@code statistics}. */
    static final String STATISTICS = "gateway-statistics+jwt";

    private StatisticsMessages() {
    }
}
