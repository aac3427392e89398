package org.regionalexchange.policy.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth known in full ({@code 1990-04-01}), to the month ({@code 1990-04}) or to the year
 * ({@code 1990}), as asylum records often have it (docs/openapi.yaml).
 *
 * <p>Child or adult: a person is a child while under 18. When the date is partial the person is treated as
 * a child for as long as they <em>could</em> still be under 18, i.e. from the latest possible birth date of
 * the range: seed 000 §4, "principle of special protection for children and the principle of the best
 * interest of the child". Someone born on 29 February comes of age on 1 March in years without that day.
 */
public record BirthDate(int year, Optional<Integer> month, Optional<Integer> day) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final int AGE_OF_MAJORITY = 18;

    public BirthDate {
        Require.present(month, "birth month (use Optional.empty())");
        Require.present(day, "birth day (use Optional.empty())");
        if (year < 1850 || year > 9999) {
            throw new IllegalArgumentException("Birth year " + year + " is out of range; expected 1850-9999");
        }
        if (day.isPresent() && month.isEmpty()) {
            throw new IllegalArgumentException("Birth day " + day.get() + " without a month; expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            month.ifPresent(Month::of);
            day.ifPresent(d -> LocalDate.of(year, month.orElseThrow(), d));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid date of birth " + year + "-" + month.orElse(0) + "-" + day.orElse(0)
                    + "; expected a calendar date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
    public static BirthDate parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Invalid date of birth '" + text
                + "'; expected YYYY, YYYY-MM or YYYY-MM-DD"));
    }

    /** Like {@link #parse} but empty for anything that is not one exact, valid date or partial date. */
    public static Optional<BirthDate> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BirthDate(Integer.parseInt(m.group(1)),
                    Optional.ofNullable(m.group(2)).map(Integer::valueOf),
                    Optional.ofNullable(m.group(3)).map(Integer::valueOf)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The latest day the person can have been born on, given what is known. */
    public LocalDate latestPossible() {
        if (month.isEmpty()) {
            return LocalDate.of(year, 12, 31);
        }
        if (day.isEmpty()) {
            return YearMonth.of(year, month.get()).atEndOfMonth();
        }
        return LocalDate.of(year, month.get(), day.get());
    }

    /** The earliest day the person can have been born on, given what is known. */
    public LocalDate earliestPossible() {
        return LocalDate.of(year, month.orElse(1), day.orElse(1));
    }

    /** The first day on which the person is certainly 18 or older. */
    public LocalDate certainlyAdultFrom() {
        return eighteenthBirthday(latestPossible());
    }

    /** Whether the person is, or could still be, under 18 on that date. */
    public boolean couldBeChildOn(LocalDate date) {
        return date.isBefore(certainlyAdultFrom());
    }

    /**
     * Whether the person is under 18 on that date whichever day of the known range they were born on: even
     * the earliest possible birth date gives a child. A full date of birth answers both questions alike.
     */
    public boolean certainlyChildOn(LocalDate date) {
        return date.isBefore(eighteenthBirthday(earliestPossible()));
    }

    private static LocalDate eighteenthBirthday(LocalDate birth) {
        LocalDate adult = birth.plusYears(AGE_OF_MAJORITY);
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29 && adult.getDayOfMonth() == 28) {
            adult = adult.plusDays(1);
        }
        return adult;
    }

    @Override
    public String toString() {
        return String.format("%04d", year) + month.map(m -> String.format("-%02d", m)).orElse("")
                + day.map(d -> String.format("-%02d", d)).orElse("");
    }
}
