package org.regionalexchange.gateway.agreements;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.config.InvalidConfigurationException;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads {@code gateway.agreements.file} at start-up: every agreement it lists is created or brought
 * in line with it, each change an Envers revision with reason {@code deployment file}. A bad file
 * stops start-up naming every problem.
 */
@Component
@Order(20)
class AgreementsFileLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AgreementsFileLoader.class);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final AgreementsProperties properties;
    private final AgreementService agreements;
    private final JsonSchemas schemas;

    AgreementsFileLoader(AgreementsProperties properties, AgreementService agreements, JsonSchemas schemas) {
        this.properties = properties;
        this.agreements = agreements;
        this.schemas = schemas;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.file() == null) {
            return;
        }
        String where = "agreements file " + properties.file();
        JsonNode document;
        try {
            document = YAML.readTree(Files.readString(properties.file()));
        } catch (IOException | JacksonException e) {
            throw new InvalidConfigurationException(List.of(where + ": not readable YAML (" + e.getClass().getSimpleName() + ")"));
        }
        List<String> problems = new ArrayList<>();
        schemas.validate("agreements-file", document).forEach(e -> problems.add(where + ": " + e.field() + ": " + e.message()));
        if (problems.isEmpty()) {
            Set<String> ids = new HashSet<>();
            JsonNode list = document.get("agreements");
            for (int i = 0; i < list.size(); i++) {
                JsonNode agreement = list.get(i);
                if (!ids.add(agreement.get("agreementId").asString())) {
                    problems.add(where + ": agreements[" + i + "].agreementId: '" + agreement.get("agreementId").asString()
                            + "' is listed twice");
                }
                for (FieldError error : AgreementService.problems(agreement)) {
                    problems.add(where + ": agreements[" + i + "]." + error.field() + ": " + error.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        int changed = 0;
        for (JsonNode agreement : document.get("agreements")) {
            if (RevisionContext.with("deployment file", null, () -> agreements.synchronize(agreement))) {
                changed++;
            }
        }
        log.info("agreements file loaded: agreements={} changed={}", document.get("agreements").size(), changed);
    }
}
