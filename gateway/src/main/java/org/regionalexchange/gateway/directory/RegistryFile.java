package org.regionalexchange.gateway.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.policy.model.CountryCode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the participant registry (YAML, schema {@code registry.json}) and checks what a schema
 * cannot: unique ids, known countries, agencies on registered nodes, parseable public keys. Every
 * problem is collected; the registry is only built when there are none.
 */
public final class RegistryFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private RegistryFile() {
    }

    /**
     * @return the registry, or empty with {@code problems} filled when the file is not acceptable
     */
    public static java.util.Optional<ParticipantRegistry> read(Path file, JsonSchemas schemas,
            ConfigurationProblems problems) {
        JsonNode document;
        try {
            document = YAML.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            problems.reject("participant registry " + file + ": not readable YAML (" + e.getClass().getSimpleName() + ")");
            return java.util.Optional.empty();
        }
        List<FieldError> schemaErrors = schemas.validate("registry", document);
        for (FieldError error : schemaErrors) {
            problems.reject("participant registry " + file + ": " + error.field() + ": " + error.message());
        }
        if (!schemaErrors.isEmpty()) {
            return java.util.Optional.empty();
        }
        int before = problems.list().size();
        List<RegisteredNode> nodes = nodes(document.get("nodes"), file, problems);
        List<Agency> agencies = agencies(document.get("agencies"), nodes, file, problems);
        if (problems.list().size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ParticipantRegistry(nodes, agencies));
    }

    private static List<RegisteredNode> nodes(JsonNode array, Path file, ConfigurationProblems problems) {
        List<RegisteredNode> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> kids = new HashSet<>();
        for (JsonNode node : array) {
            String id = node.get("id").asString();
            if (!ids.add(id)) {
                problems.reject("participant registry " + file + ": node '" + id + "' is listed twice");
            }
            String country = text(node, "country");
            if (country != null && !CountryCode.isKnown(country)) {
                problems.reject("participant registry " + file + ": node '" + id + "' has unknown country code '"
                        + country + "'; expected ISO 3166-1 alpha-2");
            }
            List<RegisteredNode.PublishedKey> keys = new ArrayList<>();
            for (JsonNode key : node.get("keys")) {
                String kid = key.get("kid").asString();
                if (!kids.add(kid)) {
                    problems.reject("participant registry " + file + ": key id '" + kid + "' is used twice");
                }
                try {
                    keys.add(new RegisteredNode.PublishedKey(kid, PemKeys.parsePublicKey(key.get("publicKey").asString())));
                } catch (IllegalArgumentException e) {
                    problems.reject("participant registry " + file + ": key '" + kid + "' of node '" + id + "': "
                            + e.getMessage());
                }
            }
            nodes.add(new RegisteredNode(id, country, text(node, "organization"), node.get("baseUrl").asString(), keys));
        }
        return nodes;
    }

    private static List<Agency> agencies(JsonNode array, List<RegisteredNode> nodes, Path file,
            ConfigurationProblems problems) {
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        List<Agency> agencies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode agency : array) {
            String id = agency.get("id").asString();
            String node = agency.get("node").asString();
            if (!ids.add(id)) {
                problems.reject("participant registry " + file + ": agency '" + id + "' is listed twice");
            }
            if (!nodeIds.contains(node)) {
                problems.reject("participant registry " + file + ": agency '" + id + "' names unknown node '" + node + "'");
            }
            List<String> functions = new ArrayList<>();
            agency.get("functions").forEach(f -> functions.add(f.asString()));
            JsonNode c = agency.get("contact");
            Agency.Contact contact = new Agency.Contact(text(c, "servicesDescription"), text(c, "department"),
                    text(c, "contactPerson"), text(c, "phone"), text(c, "email"), text(c, "address"),
                    text(c, "workingHours"), text(c, "hotline"));
            agencies.add(new Agency(id, node, text(agency, "organization"), agency.get("name").asString(), functions,
                    contact));
        }
        return agencies;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
