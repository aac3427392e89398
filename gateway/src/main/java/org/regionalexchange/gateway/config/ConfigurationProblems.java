package org.regionalexchange.gateway.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration so that start-up can name them all at once. */
public final class ConfigurationProblems {

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code property} (full name) has {@code value}, and why that is wrong. */
    public void reject(String property, Object value, String why) {
        problems.add(property + " = '" + value + "': " + why);
    }

    /** Records a problem that concerns several properties or none in particular. */
    public void reject(String problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
