package org.regionalexchange.gateway.records;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.statistics.Dimension;
import org.regionalexchange.gateway.statistics.Population;
import org.regionalexchange.gateway.statistics.PopulationCounts;
import org.regionalexchange.gateway.statistics.StatisticalTable;
import org.regionalexchange.gateway.statistics.StatisticsSource;
import org.regionalexchange.policy.model.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records registered at this node, by month of registration (docs/statistics.md): by case
 * status, by nationality, and by sex and age band. One index-only scan ({@code
 * subject_record_statistics}, V30) counts a period; nothing but counts leaves this class.
 *
 * <p>Status, nationality and sex are the record's as they stand when the month is released. The
 * nationality is the first one the registrar listed ({@code NONE}: none listed - stateless or not
 * known). The age band is the age in full years on the last day of the month of registration; a
 * partial birth date counts at the latest day it allows ({@code 2008} as 31 December 2008), so that
 * a person who may be a child is counted as a child, as the best-interest rule treats them (000 §6.1).
 */
@Component
class RecordStatistics implements StatisticsSource {

    static final Dimension STATUS = new Dimension("status", List.of("ASYLUM_SEEKER", "REFUGEE", "REJECTED", "STATELESS",
            "OTHER_PROTECTION", "CLOSED", "UNKNOWN"));
    static final Dimension NATIONALITY = new Dimension("nationality", nationalities());
    static final Dimension SEX = new Dimension("sex", List.of("F", "M", "X", "UNKNOWN"));
    static final Dimension AGE_BAND = new Dimension("ageBand", List.of("0-4", "5-11", "12-17", "18-59", "60+", "UNKNOWN"));

    static final Population REGISTERED = new Population("records-registered", "persons", Population.Scope.REGION,
            "Persons registered at this node in the month (subject records created), as they stand when the month is released",
            List.of(new StatisticalTable("by-status", List.of(STATUS)),
                    new StatisticalTable("by-nationality", List.of(NATIONALITY)),
                    new StatisticalTable("by-sex-and-age", List.of(SEX, AGE_BAND))));

    private final JdbcClient jdbc;

    RecordStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Population> populations() {
        return List.of(REGISTERED);
    }

    @Override
    public Map<YearMonth, PopulationCounts> count(Population population, YearMonth from, YearMonth to) {
        Map<YearMonth, PopulationCounts> months = new HashMap<>();
        jdbc.sql("""
                select to_char(month, 'YYYY-MM') as month, statistics_status as status,
                       coalesce(statistics_nationality, 'NONE') as nationality, statistics_sex as sex,
                       case when birth_to is null then 'UNKNOWN'
                            when birth_to > reference - interval '5 years' then '0-4'
                            when birth_to > reference - interval '12 years' then '5-11'
                            when birth_to > reference - interval '18 years' then '12-17'
                            when birth_to > reference - interval '60 years' then '18-59'
                            else '60+' end as age_band,
                       count(*) as persons
                from (select date_trunc('month', created_at at time zone 'UTC') as month,
                             (date_trunc('month', created_at at time zone 'UTC') + interval '1 month - 1 day')::date
                                 as reference,
                             statistics_status, statistics_nationality, statistics_sex, birth_to
                      from subject_record where created_at >= :from and created_at < :to) registered
                group by 1, 2, 3, 4, 5""")
                .param("from", Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    PopulationCounts counts = months.computeIfAbsent(YearMonth.parse(rs.getString("month")),
                            m -> new PopulationCounts(REGISTERED));
                    long persons = rs.getLong("persons");
                    counts.add("by-status", List.of(nullToUnknown(rs.getString("status"))), persons, persons);
                    counts.add("by-nationality", List.of(rs.getString("nationality")), persons, persons);
                    counts.add("by-sex-and-age", List.of(nullToUnknown(rs.getString("sex")), rs.getString("age_band")),
                            persons, persons);
                    counts.total(counts.total().units() + persons, counts.total().persons() + persons);
                });
        return months;
    }

    private static String nullToUnknown(String value) {
        return value == null ? "UNKNOWN" : value;
    }

    private static List<String> nationalities() {
        List<String> codes = new ArrayList<>(CountryCode.all());
        codes.add("NONE");
        codes.add("UNKNOWN");
        return codes;
    }
}
