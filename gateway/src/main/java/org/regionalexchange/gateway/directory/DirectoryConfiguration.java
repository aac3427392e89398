package org.regionalexchange.gateway.directory;

import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.config.InvalidConfigurationException;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    ParticipantRegistry participantRegistry(NodeProperties node, JsonSchemas schemas) {
        ConfigurationProblems problems = new ConfigurationProblems();
        return NodeDirectory.load(node, schemas, problems)
                .orElseThrow(() -> new InvalidConfigurationException(problems.list()));
    }
}
