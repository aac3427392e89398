package org.regionalexchange.gateway.exchange;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.statistics.Dimension;
import org.regionalexchange.gateway.statistics.Population;
import org.regionalexchange.gateway.statistics.PopulationCounts;
import org.regionalexchange.gateway.statistics.StatisticalTable;
import org.regionalexchange.gateway.statistics.StatisticsSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests by purpose and outcome (docs/statistics.md), counted from the exchange's ledgers by
 * index-only scans (V30, V37): as holder, every request this node received and decided, by month of
 * receipt - counted in the region; as requester, every request this node's officers sent, by month
 * sent - shown at this node only, since each of those requests is counted in the region by its
 * holder. A request's outcome is the one it has when the month is released; {@code NOT_AVAILABLE}
 * is one outcome, whatever its internal reason (which never leaves the access log). The persons a
 * cell concerns are its distinct subjects: the record the holder matched, else the subject as the
 * requester named it. Rows received before V37 without a purpose in the access log or their
 * envelope count as purpose {@code UNKNOWN}.
 */
@Component
class RequestStatistics implements StatisticsSource {

    static final Dimension PURPOSE = new Dimension("purpose", List.of("RSD_CASE_PROCESSING", "EXCLUSION_ASSESSMENT",
            "SECURITY_SCREENING", "DOCUMENT_VERIFICATION", "FAMILY_TRACING", "PROTECTION_REFERRAL", "CHILD_PROTECTION",
            "ANTI_TRAFFICKING", "UNKNOWN"));
    static final Dimension DECIDED = new Dimension("outcome", List.of("RELEASED", "PARTIALLY_RELEASED", "REFUSED",
            "NOT_AVAILABLE", "PENDING_REVIEW", "UNKNOWN"));
    static final Dimension ANSWERED = new Dimension("outcome", List.of("RELEASED", "PARTIALLY_RELEASED", "REFUSED",
            "NOT_AVAILABLE", "PENDING_REVIEW", "NO_ANSWER", "UNKNOWN"));

    static final Population RECEIVED = new Population("requests-received", "requests", Population.Scope.REGION,
            "Requests this node received from any node (its own included) and decided, by month of receipt",
            List.of(new StatisticalTable("by-purpose-and-outcome", List.of(PURPOSE, DECIDED))));
    static final Population SENT = new Population("requests-sent", "requests", Population.Scope.NODE,
            "Requests this node's officers sent, by month sent (this node's view only: the region counts each request"
                    + " at its holder)",
            List.of(new StatisticalTable("by-purpose-and-outcome", List.of(PURPOSE, ANSWERED))));

    /**
     * Holder side: one index-only scan of {@code exchange_received_statistics} (V37). The purpose is
     * the ledger's own, written with the row from the verified request; the person is the ledger's
     * 64-bit hash of the subject ({@code statistics_person}): two subjects that collide count as one,
     * which can only suppress more.
     */
    private static final String RECEIVED_SQL = """
            with units as (
                select date_trunc('month', received_at at time zone 'UTC') as month, purpose, outcome,
                       statistics_person as person, count(*) as requests
                from exchange_received
                where received_at >= :from and received_at < :to
                group by 1, 2, 3, 4)
            select 'cell' as kind, to_char(month, 'YYYY-MM') as month, purpose, outcome, sum(requests) as requests,
                   count(*) as persons
            from units group by 2, 3, 4
            union all
            select 'total', to_char(month, 'YYYY-MM'), null, null, sum(requests), count(distinct person)
            from units group by 2""";

    private static final String SENT_SQL = """
            with units as (
                select date_trunc('month', created_at at time zone 'UTC') as month, purpose,
                       case when status in ('SENT', 'UNDELIVERED') then 'NO_ANSWER' else outcome end as outcome,
                       hashtextextended(subject_key, 0) as person, count(*) as requests
                from exchange_request
                where created_at >= :from and created_at < :to
                group by 1, 2, 3, 4)
            select 'cell' as kind, to_char(month, 'YYYY-MM') as month, purpose, outcome, sum(requests) as requests,
                   count(*) as persons
            from units group by 2, 3, 4
            union all
            select 'total', to_char(month, 'YYYY-MM'), null, null, sum(requests), count(distinct person)
            from units group by 2""";

    private final JdbcClient jdbc;

    RequestStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Population> populations() {
        return List.of(RECEIVED, SENT);
    }

    @Override
    public Map<YearMonth, PopulationCounts> count(Population population, YearMonth from, YearMonth to) {
        Map<YearMonth, PopulationCounts> months = new HashMap<>();
        jdbc.sql(population.equals(RECEIVED) ? RECEIVED_SQL : SENT_SQL)
                .param("from", Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    PopulationCounts counts = months.computeIfAbsent(YearMonth.parse(rs.getString("month")),
                            m -> new PopulationCounts(population));
                    long requests = rs.getLong("requests");
                    long persons = rs.getLong("persons");
                    if (rs.getString("kind").equals("total")) {
                        counts.total(requests, persons);
                    } else {
                        counts.add("by-purpose-and-outcome", List.of(orUnknown(rs.getString("purpose")),
                                orUnknown(rs.getString("outcome"))), requests, persons);
                    }
                });
        return months;
    }

    private static String orUnknown(String value) {
        return value == null ? "UNKNOWN" : value;
    }
}
