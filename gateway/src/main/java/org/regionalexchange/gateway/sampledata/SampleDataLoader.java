package org.regionalexchange.gateway.sampledata;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.config.InvalidConfigurationException;
import org.regionalexchange.gateway.consent.Consents;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.security.Officer;
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
 * Loads {@code gateway.sample-data.location} at start-up, after the agreements: each record and its
 * consents go through the same services as the API, so they are validated, logged and audited
 * ({@code system}, reason {@code sample data}). The whole file is checked before anything is loaded.
 */
@Component
@Order(30)
class SampleDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final String REASON = "sample data";

    private final SampleDataProperties properties;
    private final SubjectRecords records;
    private final Consents consents;
    private final JsonSchemas schemas;
    private final ParticipantRegistry registry;
    private final NodeProperties node;

    SampleDataLoader(SampleDataProperties properties, SubjectRecords records, Consents consents, JsonSchemas schemas,
            ParticipantRegistry registry, NodeProperties node) {
        this.properties = properties;
        this.records = records;
        this.consents = consents;
        this.schemas = schemas;
        this.registry = registry;
        this.node = node;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.location() == null) {
            return;
        }
        JsonNode entries = read();
        int loaded = 0;
        int skipped = 0;
        for (JsonNode entry : entries) {
            String agency = entry.get("holderAgency").asString();
            JsonNode record = entry.get("record");
            if (records.findByHolderRef(agency, record.get("holderRecordRef").asString()).isPresent()) {
                skipped++;
                continue;
            }
            Officer system = new Officer("system", agency, Set.of());
            UUID id = RevisionContext.with(REASON, null, () -> records.register(system, record));
            JsonNode list = entry.get("consents");
            if (list != null) {
                for (JsonNode consent : list) {
                    RevisionContext.with(REASON, null, () -> consents.record(system, id, consent));
                }
            }
            loaded++;
        }
        log.info("sample data loaded: records={} skipped={}", loaded, skipped);
    }

    private JsonNode read() {
        String where = "sample data " + properties.location();
        JsonNode document;
        try {
            document = YAML.readTree(Files.readString(properties.location()));
        } catch (IOException | JacksonException e) {
            throw new InvalidConfigurationException(List.of(where + ": not readable YAML (" + e.getClass().getSimpleName() + ")"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode entries = document.path("records");
        if (!entries.isArray()) {
            throw new InvalidConfigurationException(List.of(where + ": a list 'records' is required"));
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String agency = entry.path("holderAgency").asString("");
            if (!registry.isAgencyOfNode(agency, node.id())) {
                problems.add(where + ": records[" + i + "].holderAgency: '" + agency + "' is not an agency of node " + node.id());
            }
            JsonNode record = entry.path("record");
            int index = i;
            schemas.validate("record", record).forEach(e -> problems.add(where + ": records[" + index + "].record."
                    + e.field() + ": " + e.message()));
            JsonNode list = entry.path("consents");
            for (int c = 0; c < list.size(); c++) {
                int consentIndex = c;
                schemas.validate("consent", list.get(c)).forEach(e -> problems.add(where + ": records[" + index
                        + "].consents[" + consentIndex + "]." + e.field() + ": " + e.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return entries;
    }
}
