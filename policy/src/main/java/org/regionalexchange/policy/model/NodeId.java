package org.regionalexchange.policy.model;

import java.util.regex.Pattern;

/**
 * A gateway node of the participant registry, e.g. {@code kz} (schema {@code common.json#/$defs/nodeId}).
 *
 * @param value lower-case letters, digits and hyphens, 2 to 31 characters
 */
public record NodeId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    public NodeId {
        Require.present(value, "node id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid node id '" + value
                    + "'; expected 2-31 lower-case letters, digits or hyphens starting with a letter, e.g. kz");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
