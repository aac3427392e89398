package org.regionalexchange.gateway.statistics;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A feature that counts something for the statistics (docs/design.md §14): records, requests,
 * and - once they exist - screenings and referrals. A source counts from the node's own database
 * only, by queries that stay fast on large tables (docs/performance.md P9), and never returns anything but
 * counts. Disclosure control, release and signing are the statistics feature's.
 */
public interface StatisticsSource {

    /** The populations this source counts. */
    List<Population> populations();

    /**
     * The counts of {@code population} for each month from {@code from} to {@code to} (both
     * included, months in UTC); a month without any unit may be missing.
     */
    Map<YearMonth, PopulationCounts> count(Population population, YearMonth from, YearMonth to);
}
