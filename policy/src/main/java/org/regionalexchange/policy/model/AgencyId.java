package org.regionalexchange.policy.model;

import java.util.regex.Pattern;

/**
 * An agency of the participant registry, e.g. {@code KZ-MIGRATION} (schema {@code common.json#/$defs/agencyId}).
 *
 * @param value upper-case segments joined by hyphens, at most 40 characters
 */
public record AgencyId(String value) implements Comparable<AgencyId> {
    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    public AgencyId {
        Require.present(value, "agency id");
        if (value.length() > 40 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid agency id '" + value
                    + "'; expected upper-case segments joined by hyphens, at most 40 characters, e.g. KZ-MIGRATION");
        }
    }

    public static AgencyId of(String value) {
        return new AgencyId(value);
    }

    @Override
    public int compareTo(AgencyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
