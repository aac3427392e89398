package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DPO's activity per day over node kz's real PostgreSQL: exact counts per UTC day and kind,
 * events at the first and the last microsecond of a day on their own day, nothing outside the
 * window, the same days whatever the database session's time zone, a bounded window, and a plan
 * through the index that carries action and outcome (V43). The test's events are dated in March
 * 2003, a month no other test writes to.
 */
class AccessLogActivityIT {

    private static final LocalDate MARCH_1 = LocalDate.parse("2003-03-01");
    private static final LocalDate MARCH_3 = LocalDate.parse("2003-03-03");

    private static ConfigurableApplicationContext kz;
    private static AccessLogQueries queries;

    @BeforeAll
    static void events() {
        kz = TestRegion.shared().start("kz");
        queries = kz.getBean(AccessLogQueries.class);
        append("2003-02-28T23:59:59.999999Z", AccessAction.RECORD_READ, AccessEvent.OK); // the day before
        append("2003-03-01T00:00:00Z", AccessAction.RECORD_READ, AccessEvent.OK);
        append("2003-03-01T12:00:00Z", AccessAction.ANSWER_COLLECTED, "PARTIALLY_RELEASED");
        append("2003-03-01T13:00:00Z", AccessAction.REVIEW_DECIDED, "RELEASED");
        append("2003-03-01T23:59:59.999999Z", AccessAction.ACCESS_REFUSED, AccessEvent.REFUSED);
        append("2003-03-02T00:00:00Z", AccessAction.CHAIN_VERIFIED, "BROKEN");
        append("2003-03-02T00:00:00.000001Z", AccessAction.AUDIT_SEARCHED, AccessEvent.OK);
        append("2003-03-02T10:00:00Z", AccessAction.CONSENT_RECORDED, AccessEvent.OK);
        append("2003-03-02T10:00:00Z", AccessAction.LIAISON_VIEW, AccessEvent.OK);
        append("2003-03-02T23:59:59.999999Z", AccessAction.ENVELOPE_REFUSED, AccessEvent.REFUSED);
        append("2003-03-04T00:00:00Z", AccessAction.RECORD_READ, AccessEvent.OK); // the day after
    }

    private static void append(String at, AccessAction action, String outcome) {
        kz.getBean(TransactionTemplate.class).executeWithoutResult(status -> kz.getBean(AccessLog.class).append(
                new AccessEvent(Instant.parse(at), "activity-it", "KZ-MIGRATION", "kz", action, null, outcome, List.of())));
    }

    /** Counts in the order of {@link ActivityKind}: released, refused, read, oversight, other. */
    private static List<Long> counts(long released, long refused, long read, long oversight, long other) {
        return List.of(released, refused, read, oversight, other);
    }

    @Test
    @DisplayName("three days: each event on its UTC day and of its kind, the edges of a day included, a day without events counted as 0")
    void exactCountsPerDay() {
        Activity activity = queries.activity(MARCH_1, MARCH_3);
        assertEquals(List.of(MARCH_1, MARCH_1.plusDays(1), MARCH_3), activity.days().stream().map(Activity.Day::day).toList());
        assertEquals(counts(2, 1, 1, 0, 0), activity.days().get(0).counts());
        assertEquals(counts(0, 1, 1, 2, 1), activity.days().get(1).counts());
        assertEquals(counts(0, 0, 0, 0, 0), activity.days().get(2).counts());
        assertEquals(9, activity.total());
        assertEquals(2, activity.total(ActivityKind.REFUSED));
    }

    @Test
    @DisplayName("a wider window takes in the events of the day before and the day after; one day alone takes only its own")
    void windowEdges() {
        Activity wider = queries.activity(MARCH_1.minusDays(1), MARCH_3.plusDays(1));
        assertEquals(5, wider.days().size());
        assertEquals(counts(0, 0, 1, 0, 0), wider.days().get(0).counts());
        assertEquals(counts(0, 0, 1, 0, 0), wider.days().get(4).counts());
        assertEquals(11, wider.total());
        Activity second = queries.activity(MARCH_1.plusDays(1), MARCH_1.plusDays(1));
        assertEquals(1, second.days().size());
        assertEquals(counts(0, 1, 1, 2, 1), second.days().get(0).counts());
    }

    @Test
    @DisplayName("a database session in UTC+14 or UTC-11 counts the same UTC days")
    void sessionTimeZoneDoesNotMoveTheDays() throws Exception {
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            try (var connection = kz.getBean(DataSource.class).getConnection()) {
                SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
                try (var statement = connection.createStatement()) {
                    statement.execute("set time zone '" + zone + "'");
                }
                Activity activity = new AccessLogQueries(single, kz.getBean(AuditProperties.class)).activity(MARCH_1,
                        MARCH_3);
                assertEquals(counts(2, 1, 1, 0, 0), activity.days().get(0).counts(), zone);
                assertEquals(counts(0, 1, 1, 2, 1), activity.days().get(1).counts(), zone);
                try (var statement = connection.createStatement()) {
                    statement.execute("reset time zone");
                }
            }
        }
    }

    @Test
    @DisplayName("a window of more than a year, or one that ends before it starts, is refused")
    void boundedWindow() {
        assertEquals(366, queries.activity(MARCH_1, MARCH_1.plusDays(365)).days().size());
        assertThrows(IllegalArgumentException.class, () -> queries.activity(MARCH_1, MARCH_1.plusDays(366)));
        assertThrows(IllegalArgumentException.class, () -> queries.activity(MARCH_3, MARCH_1));
    }

    @Test
    @DisplayName("the DPO's view: the last 30 days up to today (UTC); a read appended now counts once today")
    void lastThirtyDays() {
        DpoDesk desk = kz.getBean(DpoDesk.class);
        LocalDate today = LocalDate.ofInstant(kz.getBean(Clock.class).instant(), ZoneOffset.UTC);
        Activity before = desk.activity();
        append(kz.getBean(Clock.class).instant().toString(), AccessAction.RECORD_READ, AccessEvent.OK);
        Activity after = desk.activity();
        assertEquals(30, after.days().size());
        assertEquals(today, after.to());
        assertEquals(today.minusDays(29), after.from());
        // Reads only: the node's background work may log other kinds meanwhile, never a read.
        assertEquals(before.days().get(29).count(ActivityKind.READ) + 1, after.days().get(29).count(ActivityKind.READ));
    }

    @Test
    @DisplayName("the query is planned on the index that carries action and outcome (V43)")
    void plannedOnTheActivityIndex() throws Exception {
        try (var connection = kz.getBean(DataSource.class).getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            var jdbc = new NamedParameterJdbcTemplate(single);
            // The test's log is small enough for a sequential scan; what is checked is that the index serves the query.
            jdbc.getJdbcTemplate().execute("set enable_seqscan = off");
            jdbc.getJdbcTemplate().execute("set enable_bitmapscan = off");
            List<String> plan = jdbc.queryForList("explain " + AccessLogQueries.ACTIVITY,
                    Map.of("from", Timestamp.from(Instant.parse("2003-03-01T00:00:00Z")),
                            "until", Timestamp.from(Instant.parse("2003-03-04T00:00:00Z"))), String.class);
            jdbc.getJdbcTemplate().execute("reset enable_seqscan");
            jdbc.getJdbcTemplate().execute("reset enable_bitmapscan");
            assertTrue(String.join("\n", plan).contains("Index Only Scan using access_log_occurred_at_activity"),
                    String.join("\n", plan));
        }
    }
}
