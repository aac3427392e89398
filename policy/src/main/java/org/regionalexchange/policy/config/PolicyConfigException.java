package org.regionalexchange.policy.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file, or another policy data file such as the screening questionnaire, that cannot be used. It
 * carries every error found, sorted by line, not just the first.
 */
public final class PolicyConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;

    PolicyConfigException(List<ConfigError> errors) {
        this("policy file", errors);
    }

    /** @param what the kind of file, e.g. {@code screening questionnaire} */
    PolicyConfigException(String what, List<ConfigError> errors) {
        super(errors.size() + " error(s) in " + what + ":\n"
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Every error, sorted by file, line, column and message. */
    public List<ConfigError> errors() {
        return errors;
    }
}
