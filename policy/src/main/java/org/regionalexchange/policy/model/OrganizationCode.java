package org.regionalexchange.policy.model;

import java.util.regex.Pattern;

/**
 * An international organization taking part in the exchange, e.g. {@code UNHCR} (schema
 * {@code common.json#/$defs/organization}).
 *
 * @param value upper-case identifier, 2 to 16 letters or digits, starting with a letter
 */
public record OrganizationCode(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    public OrganizationCode {
        Require.present(value, "organization code");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid organization code '" + value
                    + "'; expected 2-16 upper-case letters or digits starting with a letter, e.g. UNHCR");
        }
    }

    public static OrganizationCode of(String value) {
        return new OrganizationCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
