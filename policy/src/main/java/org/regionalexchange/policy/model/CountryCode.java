package org.regionalexchange.policy.model;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case, checked against the JDK's list of codes.
 *
 * @param value the two-letter code, e.g. {@code KZ}
 */
public record CountryCode(String value) implements Comparable<CountryCode> {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public CountryCode {
        Require.present(value, "country code");
        if (!ISO_COUNTRIES.contains(value)) {
            throw new IllegalArgumentException(
                    "Unknown country code '" + value + "'; expected ISO 3166-1 alpha-2, upper case (e.g. KZ, KG, TJ, TM, AF)");
        }
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
