package org.regionalexchange.gateway.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;

/**
 * The months a call asks for, {@code from} to {@code to} inclusive ({@code yyyy-MM}, UTC). Only
 * released months can be asked for: a month is released {@code releaseDelay} after it ends.
 */
record Period(YearMonth from, YearMonth to) {

    /** The earliest month anyone may ask for. */
    static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    /** Parses and checks {@code from} and {@code to}; a bad period is {@code 400 invalid_parameter} naming the field. */
    static Period parse(String from, String to, StatisticsProperties properties, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth start = month("from", from, errors);
        YearMonth end = month("to", to, errors);
        YearMonth released = lastReleased(properties.releaseDelay(), clock);
        if (end != null && end.isAfter(released)) {
            errors.add(new FieldError("to", "'" + to + "' is not released yet; the last released month is " + released
                    + " (a month is released " + properties.releaseDelay().toDays() + " days after it ends)"));
        }
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "'" + from + "' is after 'to' (" + to + ")"));
            } else if (start.plusMonths(properties.maxMonths() - 1L).isBefore(end)) {
                errors.add(new FieldError("to", "the period is longer than " + properties.maxMonths() + " months"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, errors.size() + " request parameter(s) are not acceptable.",
                    errors);
        }
        return new Period(start, end);
    }

    /** The last month whose figures are released at this moment. */
    static YearMonth lastReleased(Duration releaseDelay, Clock clock) {
        return YearMonth.from(clock.instant().minus(releaseDelay).atOffset(ZoneOffset.UTC)).minusMonths(1);
    }

    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static YearMonth month(String name, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(name, "is required (yyyy-MM)"));
            return null;
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}")) {
            errors.add(new FieldError(name, "expected a month as yyyy-MM, e.g. 2026-01"));
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.isBefore(EARLIEST)) {
                errors.add(new FieldError(name, "no figures before " + EARLIEST));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "expected a month as yyyy-MM, e.g. 2026-01"));
            return null;
        }
    }
}
