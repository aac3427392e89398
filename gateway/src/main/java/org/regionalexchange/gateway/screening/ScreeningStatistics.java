package org.regionalexchange.gateway.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.regionalexchange.gateway.statistics.Dimension;
import org.regionalexchange.gateway.statistics.Population;
import org.regionalexchange.gateway.statistics.PopulationCounts;
import org.regionalexchange.gateway.statistics.StatisticalTable;
import org.regionalexchange.gateway.statistics.StatisticsSource;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The screening interviews recorded at this node, by month recorded (docs/statistics.md): for each
 * indicator, whether the interview raised it. Indicators are never stored
 * (V31): they are computed here from each interview by the policy module, as on every read of it,
 * judged on the interview's date. An indicator is a table of its own ({@code YES}/{@code NO}),
 * never one table of every indicator: one interview raises several, and a table must be a partition
 * of the interviews. Each interview is one person: two interviews of one person count twice
 * (nothing links them).
 *
 * <p>An interview that can no longer be read (a country code withdrawn since, a questionnaire that
 * changed) is not counted, and the application log says how many were left out. Counted as an
 * {@code UNKNOWN} of every table, it would be one cell published in each: where a table holds that
 * cell back with a small cell, the others would give it, and the small cell, back.
 *
 * <p>The priority is not a table: it is a function of the indicators ({@code URGENT} exactly when an
 * unaccompanied child, trafficking or a serious medical condition is raised), and published beside
 * them it would bound a suppressed indicator from below (URGENT 10 and trafficking 7 published: at
 * least 3 serious medical conditions, or unaccompanied children). The only relation between the
 * indicator tables, an unaccompanied child being a child, bounds no small cell (SuppressionAttackTest).
 */
@Component
class ScreeningStatistics implements StatisticsSource {

    private static final Logger log = LoggerFactory.getLogger(ScreeningStatistics.class);

    static final Dimension RAISED = new Dimension("raised", List.of("YES", "NO"));
    static final Population RECORDED = new Population("screenings-recorded", "screenings", Population.Scope.REGION,
            "Screening interviews recorded at this node in the month, by the indicators computed from each (one table"
                    + " per indicator: raised or not)",
            tables());

    private final JdbcClient jdbc;
    private final ReferralEngine engine;

    ScreeningStatistics(JdbcClient jdbc, ReferralEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** The table of an indicator: its name in lower case, e.g. {@code potential-trafficking-victim}. */
    static String tableOf(Indicator indicator) {
        return indicator.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<StatisticalTable> tables() {
        List<StatisticalTable> tables = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            tables.add(new StatisticalTable(tableOf(indicator), List.of(RAISED)));
        }
        return tables;
    }

    @Override
    public List<Population> populations() {
        return List.of(RECORDED);
    }

    @Override
    public Map<YearMonth, PopulationCounts> count(Population population, YearMonth from, YearMonth to) {
        Map<YearMonth, Tallies> months = new TreeMap<>();
        int[] unreadable = {0};
        jdbc.sql("""
                select created_at, interviewed_at, interview::text as interview from screening
                where created_at >= :from and created_at < :to""")
                .param("from", Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getTimestamp("created_at").toInstant().atZone(ZoneOffset.UTC));
                    Classified classified = classify(rs.getString("interview"),
                            rs.getTimestamp("interviewed_at").toInstant());
                    if (classified == null) {
                        unreadable[0]++;
                    } else {
                        months.computeIfAbsent(month, m -> new Tallies()).add(classified);
                    }
                });
        if (unreadable[0] > 0) {
            log.warn("statistics screenings not readable count={} from={} to={}", unreadable[0], from, to);
        }
        Map<YearMonth, PopulationCounts> counts = new HashMap<>();
        months.forEach((month, tallies) -> counts.put(month, tallies.counts()));
        return counts;
    }

    /** An interview's indicators; null when it cannot be read. */
    Classified classify(String interview, Instant interviewedAt) {
        try {
            return new Classified(engine.indicators(InterviewReader.read(JsonText.parse(interview),
                    engine.questionnaire()), interviewedAt));
        } catch (RuntimeException e) {
            return null;
        }
    }

    record Classified(Indicators indicators) {
    }

    /**
     * One month's interviews, counted per cell before they are handed over: a cell's units are its
     * persons (one interview, one person), and {@link PopulationCounts} keeps the larger count of
     * persons of two rows of one cell rather than adding them.
     */
    static final class Tallies {

        private final Map<String, Map<String, Long>> cells = new HashMap<>();
        private long total;

        void add(Classified classified) {
            total++;
            for (Indicator indicator : Indicator.values()) {
                tally(tableOf(indicator), classified.indicators().contains(indicator) ? "YES" : "NO");
            }
        }

        private void tally(String table, String value) {
            cells.computeIfAbsent(table, t -> new HashMap<>()).merge(value, 1L, Long::sum);
        }

        PopulationCounts counts() {
            PopulationCounts counts = new PopulationCounts(RECORDED).total(total, total);
            cells.forEach((table, values) -> values.forEach((value, n) -> counts.add(table, List.of(value), n, n)));
            return counts;
        }
    }
}
