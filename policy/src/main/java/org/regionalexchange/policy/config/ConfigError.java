package org.regionalexchange.policy.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One error in a policy file, placed at its line and column (1-based), e.g.
 * {@code region-policy.yaml:14:5: retention for 'FAMILY_TRACING' is 'P0D'; expected a positive period}.
 */
public record ConfigError(String file, int line, int column, String message) implements Comparable<ConfigError> {
    private static final Comparator<ConfigError> ORDER = Comparator.comparing(ConfigError::file)
            .thenComparingInt(ConfigError::line).thenComparingInt(ConfigError::column)
            .thenComparing(ConfigError::message);

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(ConfigError other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
