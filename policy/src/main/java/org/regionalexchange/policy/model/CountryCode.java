package org.regionalexchange.policy.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ISO 3166-1 alpha-2 country code, upper case, checked against the JDK's list of codes. The one
 * list of country codes of the product: the gateway checks configuration, registry entries and
 * request fields against it and counts statistics by it.
 *
 * @param value the two-letter code, e.g. {@code KZ}
 */
public record CountryCode(String value) implements Comparable<CountryCode> {
    private static final SortedSet<String> ISO_COUNTRIES =
            Collections.unmodifiableSortedSet(new TreeSet<>(java.util.List.of(Locale.getISOCountries())));
    /** The same codes for membership: a hash look-up, asked on every request of every party. */
    private static final Set<String> KNOWN = Set.copyOf(ISO_COUNTRIES);

    public CountryCode {
        Require.present(value, "country code");
        if (!isKnown(value)) {
            throw new IllegalArgumentException(
                    "Unknown country code '" + value + "'; expected ISO 3166-1 alpha-2, upper case (e.g. KZ, KG, TJ, TM, AF)");
        }
    }

    /** Whether {@code value} is an ISO 3166-1 alpha-2 code (upper case); false for null. */
    public static boolean isKnown(String value) {
        return value != null && KNOWN.contains(value);
    }

    /** Every ISO 3166-1 alpha-2 code, in alphabetical order. */
    public static SortedSet<String> all() {
        return ISO_COUNTRIES;
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public int compareTo(CountryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
