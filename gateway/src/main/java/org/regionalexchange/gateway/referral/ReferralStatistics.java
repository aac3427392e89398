package org.regionalexchange.gateway.referral;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.directory.ReferralGuide;
import org.regionalexchange.gateway.statistics.Dimension;
import org.regionalexchange.gateway.statistics.Population;
import org.regionalexchange.gateway.statistics.PopulationCounts;
import org.regionalexchange.gateway.statistics.StatisticalTable;
import org.regionalexchange.gateway.statistics.StatisticsSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referrals this node's agencies sent, by month sent (docs/statistics.md): by type, by priority
 * and by outcome, each a table of its own. Counted by the sender only: a referral is a row of the
 * sending node, and a referral that reached another node is counted in the region by its sender,
 * never again by its receiver (rows whose sending agency is not served by this node are left out).
 * The outcome is the status the referral has when its month is released, a completed one split by
 * whether the receiver recorded it as successful. The persons a cell concerns are its distinct
 * subjects: the record, or the screening, the referral was made from.
 */
@Component
class ReferralStatistics implements StatisticsSource {

    static final Dimension TYPE = new Dimension("type", List.of("ASYLUM_PROCEDURE", "CHILD_PROTECTION",
            "ANTI_TRAFFICKING", "SPECIFIC_NEEDS_CARE", "UNHCR", "UNKNOWN"));
    static final Dimension PRIORITY = new Dimension("priority", List.of("NORMAL", "HIGH", "URGENT", "UNKNOWN"));
    static final Dimension OUTCOME = new Dimension("outcome", List.of("SENT", "RECEIVED", "ACCEPTED", "DECLINED",
            "COMPLETED_SUCCESSFUL", "COMPLETED_NOT_SUCCESSFUL", "REVOKED", "UNKNOWN"));
    static final Population SENT = new Population("referrals-sent", "referrals", Population.Scope.REGION,
            "Referrals sent by this node's agencies in the month, by type, priority and the outcome reached when the"
                    + " month is released",
            List.of(new StatisticalTable("by-type", List.of(TYPE)), new StatisticalTable("by-priority", List.of(PRIORITY)),
                    new StatisticalTable("by-outcome", List.of(OUTCOME))));

    /**
     * One index-only scan of {@code referral_statistics} (V37) and, for a completed referral, its
     * COMPLETED step. {@code grouping()} names the table of each row: 7 type, 11 priority, 12 outcome
     * (status and success), 15 the total.
     */
    private static final String SQL = """
            with units as (
                select to_char(r.created_at at time zone 'UTC', 'YYYY-MM') as month, r.type, r.priority, r.status,
                       c.successful, coalesce(r.record_id, r.screening_id) as person
                from referral r
                left join lateral (select s.successful from referral_step s
                                   where s.referral_id = r.id and s.status = 'COMPLETED' and r.status = 'COMPLETED'
                                   order by s.id desc limit 1) c on true
                where r.created_at >= :from and r.created_at < :to and r.sender_agency in (:agencies))
            select month, type, priority, status, successful, grouping(type, priority, status, successful) as table_of,
                   count(*) as referrals, count(distinct person) as persons
            from units
            group by grouping sets ((month, type), (month, priority), (month, status, successful), (month))""";

    private final JdbcClient jdbc;
    private final ReferralGuide guide;

    ReferralStatistics(JdbcClient jdbc, ReferralGuide guide) {
        this.jdbc = jdbc;
        this.guide = guide;
    }

    @Override
    public List<Population> populations() {
        return List.of(SENT);
    }

    @Override
    public Map<YearMonth, PopulationCounts> count(Population population, YearMonth from, YearMonth to) {
        Map<YearMonth, PopulationCounts> months = new HashMap<>();
        List<String> agencies = guide.guide().agencies().stream().map(a -> a.id().value()).toList();
        if (agencies.isEmpty()) {
            return months;
        }
        jdbc.sql(SQL)
                .param("from", Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("agencies", agencies)
                .query(rs -> {
                    PopulationCounts counts = months.computeIfAbsent(YearMonth.parse(rs.getString("month")),
                            m -> new PopulationCounts(SENT));
                    long referrals = rs.getLong("referrals");
                    long persons = rs.getLong("persons");
                    switch (rs.getInt("table_of")) {
                        case 7 -> counts.add("by-type", List.of(orUnknown(rs.getString("type"))), referrals, persons);
                        case 11 -> counts.add("by-priority", List.of(orUnknown(rs.getString("priority"))), referrals,
                                persons);
                        case 12 -> counts.add("by-outcome", List.of(outcome(rs.getString("status"),
                                rs.getObject("successful", Boolean.class))), referrals, persons);
                        default -> counts.total(referrals, persons);
                    }
                });
        return months;
    }

    /**
     * The outcome a referral has reached: its status, a completed one split by whether the receiver
     * recorded it successful; anything else (a status this version does not know) is {@code UNKNOWN}.
     */
    static String outcome(String status, Boolean successful) {
        if (!"COMPLETED".equals(status)) {
            return OUTCOME.classify(status);
        }
        return successful == null ? "UNKNOWN" : successful ? "COMPLETED_SUCCESSFUL" : "COMPLETED_NOT_SUCCESSFUL";
    }

    private static String orUnknown(String value) {
        return value == null ? "UNKNOWN" : value;
    }
}
