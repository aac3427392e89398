package org.regionalexchange.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The DPO's reads of the access log: filtered pages, the CSV export (streamed) and the fishing
 * alerts (the disclosures about one person are {@link DisclosureReport}), and the events per day.
 * Read-only; the caller logs the reads of the log's content (counts per day are no content).
 */
@Component
public class AccessLogQueries {

    private final NamedParameterJdbcTemplate jdbc;

    AccessLogQueries(DataSource dataSource, AuditProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(properties.fetchSize());
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    public record Page(List<StoredEvent> events, int page, int size, long total) {
    }

    Page search(EventFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        long total = jdbc.queryForObject("select count(*) from access_log" + where, params, Long.class);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        // Newest first by time, then id: with "order by id" alone the planner may walk the primary key
        // backwards through the whole log for an agency and a date range (bench/dpo-queries, P5);
        // by time, the (agency, occurred_at) and (actor, occurred_at) indexes serve the order.
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from access_log" + where
                + " order by occurred_at desc, id desc limit :limit offset :offset", params, StoredEvent::map);
        return new Page(events, page, size, total);
    }

    /** Writes every matching event, oldest first, as CSV (RFC 4180) to {@code out}; returns the count. */
    long exportCsv(EventFilter filter, Writer out) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        long[] count = {0};
        try {
            out.write(Csv.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query("select " + StoredEvent.COLUMNS + " from access_log" + where + " order by id", params, rs -> {
            try {
                out.write(Csv.line(StoredEvent.map(rs, 0)));
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return count[0];
    }

    /** The longest window {@link #activity} counts: a year, so that the query stays bounded. */
    static final int MAX_ACTIVITY_DAYS = 366;

    /** The events of a window (from {@code :from}, before {@code :until}) per UTC day, action and outcome. */
    static final String ACTIVITY = """
            select (occurred_at at time zone 'UTC')::date as day, action, outcome, count(*) as n
            from access_log
            where occurred_at >= :from and occurred_at < :until
            group by 1, 2, 3""";

    /**
     * The events of each UTC day from {@code from} to {@code to} (both included), by kind. One range
     * scan of the index on {@code occurred_at} that carries action and outcome (V43: an index-only
     * scan, the rows themselves are not read), grouped by day, action and outcome in the database;
     * the kinds are summed here. The day is the event's UTC date, whatever the session's time zone.
     */
    Activity activity(LocalDate from, LocalDate to) {
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 1 || length > MAX_ACTIVITY_DAYS) {
            throw new IllegalArgumentException("a window of 1 to " + MAX_ACTIVITY_DAYS + " days expected, got "
                    + from + " to " + to);
        }
        Map<String, Object> params = Map.of("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                "until", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        long[][] counts = new long[(int) length][ActivityKind.values().length];
        jdbc.query(ACTIVITY, params, rs -> {
            int day = (int) ChronoUnit.DAYS.between(from, rs.getObject("day", LocalDate.class));
            counts[day][ActivityKind.of(rs.getString("action"), rs.getString("outcome")).ordinal()] += rs.getLong("n");
        });
        List<Activity.Day> days = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            days.add(new Activity.Day(from.plusDays(i), Arrays.stream(counts[i]).boxed().toList()));
        }
        return new Activity(from, to, days);
    }

    List<Alert> alerts(Instant since, AuditProperties thresholds) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, Object> params = Map.of("since", Timestamp.from(since),
                "reuse", thresholds.justificationReuseSubjects(), "notAvailable", thresholds.notAvailableAnswers(),
                "burst", thresholds.burstPerMinute());
        // One justification of one agency for many subjects, on each side of the exchange: requests
        // sent and requests refused before sending (requester), requests decided (holder). Each
        // resolved record counts once; each unresolved request, and each request refused before
        // sending, as a subject of its own. The alert names the actions it counted.
        alerts.addAll(jdbc.query("""
                select string_agg(distinct action, ',' order by action) as actions, agency, justification_fingerprint,
                       count(distinct coalesce(record_id::text, request_id::text, 'event:' || id)) as n,
                       min(occurred_at) as first, max(occurred_at) as last
                from access_log
                where action in ('REQUEST_SENT', 'REQUEST_REFUSED_BEFORE_SENDING', 'REQUEST_DECIDED')
                  and occurred_at >= :since and justification_fingerprint is not null
                group by action = 'REQUEST_DECIDED', agency, justification_fingerprint
                having count(distinct coalesce(record_id::text, request_id::text, 'event:' || id)) >= :reuse
                order by n desc""", params, (rs, i) -> Alert.ofLog("JUSTIFICATION_REUSED", null, rs.getString("agency"),
                rs.getString("actions"), rs.getString("justification_fingerprint"), rs.getLong("n"),
                thresholds.justificationReuseSubjects(), rs.getTimestamp("first").toInstant(),
                rs.getTimestamp("last").toInstant())));
        alerts.addAll(nearCopies(params, thresholds.justificationReuseSubjects()));
        alerts.addAll(jdbc.query("""
                select actor, agency, count(*) as n, min(occurred_at) as first, max(occurred_at) as last
                from access_log
                where action = 'REQUEST_DECIDED' and outcome = 'NOT_AVAILABLE' and occurred_at >= :since
                group by actor, agency having count(*) >= :notAvailable
                order by n desc""", params, (rs, i) -> Alert.ofLog("MANY_NOT_AVAILABLE", rs.getString("actor"),
                rs.getString("agency"), AccessAction.REQUEST_DECIDED.name(), null, rs.getLong("n"),
                thresholds.notAvailableAnswers(), rs.getTimestamp("first").toInstant(),
                rs.getTimestamp("last").toInstant())));
        alerts.addAll(jdbc.query("""
                select action, actor, agency, date_trunc('minute', occurred_at) as minute, count(*) as n,
                       min(occurred_at) as first, max(occurred_at) as last
                from access_log
                where action in ('REQUEST_SENT', 'REQUEST_REFUSED_BEFORE_SENDING', 'REQUEST_DECIDED')
                  and occurred_at >= :since
                group by action, actor, agency, date_trunc('minute', occurred_at) having count(*) >= :burst
                order by minute desc""", params, (rs, i) -> Alert.ofLog("BURST", rs.getString("actor"),
                rs.getString("agency"), rs.getString("action"), null, rs.getLong("n"), thresholds.burstPerMinute(),
                rs.getTimestamp("first").toInstant(), rs.getTimestamp("last").toInstant())));
        return alerts;
    }

    /**
     * Near-copies of one justification (policy {@code JustificationSimilarity}) used by one agency, on one
     * side of the exchange, for at least {@code minSubjects} subjects (counted as for JUSTIFICATION_REUSED).
     */
    private List<Alert> nearCopies(Map<String, Object> params, int minSubjects) {
        List<NearCopies.Use> uses = jdbc.query("""
                select action = 'REQUEST_DECIDED' as holder, agency, justification, justification_fingerprint,
                       string_agg(distinct action, ',' order by action) as actions,
                       array_agg(distinct coalesce(record_id::text, request_id::text, 'event:' || id)) as subjects,
                       min(occurred_at) as first, max(occurred_at) as last
                from access_log
                where action in ('REQUEST_SENT', 'REQUEST_REFUSED_BEFORE_SENDING', 'REQUEST_DECIDED')
                  and occurred_at >= :since and justification is not null and justification_fingerprint is not null
                group by action = 'REQUEST_DECIDED', agency, justification, justification_fingerprint""", params,
                (rs, i) -> new NearCopies.Use(rs.getBoolean("holder") ? "holder" : "requester", rs.getString("agency"),
                        rs.getString("actions"), rs.getString("justification"), rs.getString("justification_fingerprint"),
                        List.of((String[]) rs.getArray("subjects").getArray()), rs.getTimestamp("first").toInstant(),
                        rs.getTimestamp("last").toInstant()));
        return NearCopies.find(uses, minSubjects).stream().map(g -> Alert.ofNearCopies(g.agency(), g.actions(),
                g.fingerprints(), g.subjects(), minSubjects, g.first(), g.last())).toList();
    }
}
