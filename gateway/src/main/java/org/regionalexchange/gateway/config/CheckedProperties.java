package org.regionalexchange.gateway.config;

/**
 * A configuration properties record that can check itself. Checks run once, before the application
 * context starts, for every group at once ({@link StartupConfigurationCheck}).
 */
public interface CheckedProperties {

    /** Adds a problem for every bad value; {@code prefix} is the group's property prefix. */
    void check(String prefix, ConfigurationProblems problems);
}
