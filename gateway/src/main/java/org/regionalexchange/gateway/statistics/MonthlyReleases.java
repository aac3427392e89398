package org.regionalexchange.gateway.statistics;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.regionalexchange.gateway.statistics.disclosure.Count;
import org.regionalexchange.gateway.statistics.disclosure.CountedPopulation;
import org.regionalexchange.gateway.statistics.disclosure.CountedTable;
import org.regionalexchange.gateway.statistics.disclosure.DisclosureControl;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedPopulation;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable;
import org.regionalexchange.gateway.statistics.disclosure.Threshold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The released figures of each population and month (table {@code statistics_release}). A month
 * not yet released is counted by its source, put through disclosure control and stored when first
 * asked for; from then on everyone gets exactly those figures, for any period that contains the
 * month. Replicas of the node release a month once: the release takes a database lock.
 */
@Component
class MonthlyReleases {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReleases.class);
    /**
     * The advisory locks under which months are released: this number (it spells "STAT") with the
     * population's, so that populations are released independently of each other.
     */
    private static final int RELEASE_LOCK = 0x53544154;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<StatisticsSource> sources;
    private final DisclosureControl control;
    private final JsonMapper json;
    private final Clock clock;

    MonthlyReleases(JdbcClient jdbc, TransactionTemplate transactions, List<StatisticsSource> sources,
            StatisticsProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sources = List.copyOf(sources);
        this.control = new DisclosureControl(new Threshold(properties.threshold()), new SecureRandom());
        this.json = json;
        this.clock = clock;
    }

    /**
     * Releases every month of {@code window} not released yet, for every population, newest first and
     * one month at a time: run after start-up and then regularly ({@link ReleaseSchedule}), so that no
     * officer waits for a month to be counted. Months before the window are released when asked for.
     */
    void releaseMissing(Period window) {
        for (Population population : populations()) {
            Map<YearMonth, Release> stored = stored(population, window);
            List<YearMonth> months = new ArrayList<>(window.months());
            java.util.Collections.reverse(months);
            for (YearMonth month : months) {
                if (!stored.containsKey(month)) {
                    released(population, new Period(month, month));
                }
            }
        }
    }

    /** Every population of the node, in a stable order. */
    List<Population> populations() {
        List<Population> populations = new ArrayList<>();
        sources.forEach(source -> populations.addAll(source.populations()));
        populations.sort(java.util.Comparator.comparing(Population::name));
        return populations;
    }

    /** The releases of {@code population} for every month of {@code period}, releasing those not released yet. */
    List<Release> released(Population population, Period period) {
        Map<YearMonth, Release> stored = stored(population, period);
        if (stored.size() < period.months().size()) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:lock, hashtext(:population))").param("lock", RELEASE_LOCK)
                        .param("population", population.name()).query((rs, n) -> n).list();
                // Counting groups hundreds of thousands of rows a period: let it hash in memory, in this
                // transaction only (PostgreSQL's default of 4 MB makes it sort on disk).
                jdbc.sql("set local work_mem = '64MB'").update();
                Map<YearMonth, Release> now = stored(population, period);
                List<YearMonth> missing = period.months().stream().filter(m -> !now.containsKey(m)).toList();
                if (!missing.isEmpty()) {
                    release(population, missing);
                }
            });
            stored = stored(population, period);
        }
        List<Release> releases = new ArrayList<>();
        for (YearMonth month : period.months()) {
            releases.add(stored.get(month));
        }
        return releases;
    }

    private void release(Population population, List<YearMonth> months) {
        StatisticsSource source = sources.stream().filter(s -> s.populations().contains(population)).findFirst()
                .orElseThrow();
        long started = System.nanoTime();
        Map<YearMonth, PopulationCounts> counts = source.count(population, months.get(0), months.get(months.size() - 1));
        Instant now = clock.instant();
        for (YearMonth month : months) {
            PopulationCounts monthCounts = counts.getOrDefault(month, new PopulationCounts(population));
            ReleasedPopulation figures = control.release(counted(population, monthCounts));
            jdbc.sql("""
                    insert into statistics_release (month, population, released_at, threshold, figures)
                    values (:month, :population, :at, :threshold, cast(:figures as jsonb))
                    on conflict (month, population) do nothing""")
                    .param("month", month.atDay(1)).param("population", population.name())
                    .param("at", Timestamp.from(now)).param("threshold", control.threshold().k())
                    .param("figures", json.writeValueAsString(figures(figures))).update();
        }
        log.info("statistics released population={} months={} from={} to={} ms={}", population.name(), months.size(),
                months.get(0), months.get(months.size() - 1), (System.nanoTime() - started) / 1_000_000);
    }

    private static CountedPopulation counted(Population population, PopulationCounts counts) {
        List<CountedTable> tables = new ArrayList<>();
        for (StatisticalTable table : population.tables()) {
            Map<String, Count> cells = new LinkedHashMap<>();
            counts.cells(table.name()).forEach((cell, tally) -> cells.put(cell, new Count(tally.units(), tally.persons())));
            tables.add(new CountedTable(table.name(), table.cells(), cells));
        }
        return new CountedPopulation(new Count(counts.total().units(), counts.total().persons()), tables);
    }

    private Map<YearMonth, Release> stored(Population population, Period period) {
        Map<YearMonth, Release> releases = new HashMap<>();
        jdbc.sql("""
                select month, released_at, threshold, figures::text as figures from statistics_release
                where population = :population and month between :from and :to""")
                .param("population", population.name()).param("from", period.from().atDay(1))
                .param("to", period.to().atDay(1))
                .query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    return new Release(population, month, rs.getTimestamp("released_at").toInstant(),
                            rs.getInt("threshold"), figures(json.readTree(rs.getString("figures")), population));
                }).list().forEach(r -> releases.put(r.month(), r));
        return releases;
    }

    /** The stored form: {@code {"total": n|null, "tables": {name: {"cells": {cell: n}, "rest": ...}}}}. */
    private ObjectNode figures(ReleasedPopulation figures) {
        ObjectNode node = json.createObjectNode();
        if (figures.total().isPresent()) {
            node.put("total", figures.total().getAsLong());
        } else {
            node.putNull("total");
        }
        ObjectNode tables = node.putObject("tables");
        for (ReleasedTable table : figures.tables()) {
            ObjectNode t = tables.putObject(table.name());
            ObjectNode cells = t.putObject("cells");
            table.published().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> cells.put(e.getKey(), e.getValue()));
            t.put("rest", table.rest().name());
        }
        return node;
    }

    private static ReleasedPopulation figures(JsonNode node, Population population) {
        List<ReleasedTable> tables = new ArrayList<>();
        for (StatisticalTable table : population.tables()) {
            JsonNode t = node.path("tables").path(table.name());
            Map<String, Long> published = new LinkedHashMap<>();
            t.path("cells").properties().forEach(e -> published.put(e.getKey(), e.getValue().asLong()));
            // A population's tables never change once released (a new classification is a new
            // population); a table missing from a stored release is shown as saying nothing.
            boolean zero = "ZERO".equals(t.path("rest").asString(""));
            tables.add(new ReleasedTable(table.name(), published,
                    zero ? ReleasedTable.Rest.ZERO : ReleasedTable.Rest.SUPPRESSED));
        }
        JsonNode total = node.path("total");
        return new ReleasedPopulation(total.isNumber() ? OptionalLong.of(total.asLong()) : OptionalLong.empty(), tables);
    }
}
