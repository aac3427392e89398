package org.regionalexchange.gateway;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.config.InvalidConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;

import org.regionalexchange.gateway.agreements.AgreementsProperties;
import org.regionalexchange.gateway.audit.AuditProperties;
import org.regionalexchange.gateway.checkpoints.CheckpointProperties;
import org.regionalexchange.gateway.console.ConsoleProperties;
import org.regionalexchange.gateway.database.DatabaseProperties;
import org.regionalexchange.gateway.security.RateLimitProperties;
import org.regionalexchange.gateway.database.EmbeddedDatabaseProperties;
import org.regionalexchange.gateway.directory.NodeDirectory;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.sampledata.SampleDataProperties;
import org.regionalexchange.gateway.statistics.StatisticsProperties;
import org.regionalexchange.gateway.security.JwtProperties;
import org.regionalexchange.gateway.exchange.ExchangeProperties;
import org.regionalexchange.gateway.policy.PolicyProperties;
import org.regionalexchange.gateway.validation.ApiProperties;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Binds and checks every gateway property group before the application context starts, so that a
 * bad configuration stops start-up with one message naming every bad value (every problem at once, not the first),
 * before any database is started or any port opened. A node whose own properties are sound is
 * also checked against the participant registry it names.
 */
public class StartupConfigurationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<String, Class<? extends CheckedProperties>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(NodeProperties.PREFIX, NodeProperties.class);
        GROUPS.put(JwtProperties.PREFIX, JwtProperties.class);
        GROUPS.put(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class);
        GROUPS.put(DatabaseProperties.PREFIX, DatabaseProperties.class);
        GROUPS.put(ApiProperties.PREFIX, ApiProperties.class);
        GROUPS.put(PolicyProperties.PREFIX, PolicyProperties.class);
        GROUPS.put(ExchangeProperties.PREFIX, ExchangeProperties.class);
        GROUPS.put(AgreementsProperties.PREFIX, AgreementsProperties.class);
        GROUPS.put(SampleDataProperties.PREFIX, SampleDataProperties.class);
        GROUPS.put(AuditProperties.PREFIX, AuditProperties.class);
        GROUPS.put(CheckpointProperties.PREFIX, CheckpointProperties.class);
        GROUPS.put(RateLimitProperties.PREFIX, RateLimitProperties.class);
        GROUPS.put(StatisticsProperties.PREFIX, StatisticsProperties.class);
        GROUPS.put(ConsoleProperties.PREFIX, ConsoleProperties.class);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // Another application in the same JVM (the browser tests' identity provider) is not a node.
        if (!event.getSpringApplication().getAllSources().contains(GatewayApplication.class)) {
            return;
        }
        Binder binder = Binder.get(event.getEnvironment());
        ConfigurationProblems problems = new ConfigurationProblems();
        GROUPS.forEach((prefix, type) -> {
            try {
                CheckedProperties properties = binder.bindOrCreate(prefix, type);
                properties.check(prefix, problems);
                if (properties instanceof NodeProperties node && problems.isEmpty()) {
                    NodeDirectory.load(node, new JsonSchemas(), problems);
                }
            } catch (BindException e) {
                String property = e.getProperty() == null ? prefix : e.getProperty().getName().toString();
                Object value = e.getProperty() == null ? "" : String.valueOf(e.getProperty().getValue());
                problems.reject(property, value, "cannot be read as " + type.getSimpleName()
                        + " (" + e.getCause().getClass().getSimpleName() + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems.list());
        }
    }
}
