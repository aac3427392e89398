package org.regionalexchange.gateway.policy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.policy.config.PolicyConfigException;
import org.regionalexchange.policy.config.PolicyFileLoader;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment's policy file (docs/policy.md): purposes, categories per purpose, retention,
 * redactions, review triggers, boilerplate phrases, clock skew.
 *
 * @param file the YAML policy file; validated against its schema at start-up, every error reported
 *             with its line
 */
@ConfigurationProperties(PolicyProperties.PREFIX)
public record PolicyProperties(Path file) implements CheckedProperties {

    public static final String PREFIX = "gateway.policy";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (file == null || !Files.isReadable(file)) {
            problems.reject(prefix + ".file", file, "required: a readable policy file (e.g. deploy/policy/region-policy.yaml)");
            return;
        }
        try {
            PolicyFileLoader.load(file);
        } catch (PolicyConfigException e) {
            e.errors().forEach(error -> problems.reject(prefix + ".file: " + error));
        }
    }
}
