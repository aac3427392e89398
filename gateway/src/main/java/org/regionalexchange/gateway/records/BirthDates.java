package org.regionalexchange.gateway.records;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A birth date as the range of days it allows: {@code 1994} is all of 1994, {@code 1994-03} all of
 * March 1994, {@code 1994-03-02} one day. Two birth dates are compatible when their ranges overlap,
 * so a birth year matches every full date in that year.
 */
record BirthDates(LocalDate from, LocalDate to) {

    /** The range of a full or partial ISO date ({@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd}). */
    static BirthDates of(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        return switch (date.length()) {
            case 4 -> new BirthDates(LocalDate.of(Integer.parseInt(date), 1, 1),
                    LocalDate.of(Integer.parseInt(date), 12, 31));
            case 7 -> {
                YearMonth month = YearMonth.parse(date);
                yield new BirthDates(month.atDay(1), month.atEndOfMonth());
            }
            default -> {
                LocalDate day = LocalDate.parse(date);
                yield new BirthDates(day, day);
            }
        };
    }

    boolean overlaps(BirthDates other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}
