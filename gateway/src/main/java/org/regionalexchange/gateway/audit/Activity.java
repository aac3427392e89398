package org.regionalexchange.gateway.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * How many events the access log holds for each UTC day of a window, by {@link ActivityKind}:
 * counts only, no actor, record or content (the data-protection officer's activity chart).
 *
 * @param from the first day of the window (UTC)
 * @param to   the last day of the window (UTC), today for the console's view
 * @param days every day from {@code from} to {@code to}, oldest first, days without events included
 */
public record Activity(LocalDate from, LocalDate to, List<Day> days) {

    public Activity {
        days = List.copyOf(days);
    }

    /** The kinds in the order the chart and the table show them. */
    public List<ActivityKind> kinds() {
        return List.of(ActivityKind.values());
    }

    /** The events of the whole window of one kind. */
    public long total(ActivityKind kind) {
        return days.stream().mapToLong(day -> day.count(kind)).sum();
    }

    /** Every event of the window. */
    public long total() {
        return days.stream().mapToLong(Day::total).sum();
    }

    /** One UTC day: its events of each kind, indexed by {@link ActivityKind#ordinal()}. */
    public record Day(LocalDate day, List<Long> counts) {

        public Day {
            counts = List.copyOf(counts);
            if (counts.size() != ActivityKind.values().length) {
                throw new IllegalArgumentException("one count per kind expected, got " + counts.size());
            }
        }

        public long count(ActivityKind kind) {
            return counts.get(kind.ordinal());
        }

        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }
}
