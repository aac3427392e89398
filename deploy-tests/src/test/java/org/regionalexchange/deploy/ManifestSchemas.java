package org.regionalexchange.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Validates rendered manifests against the JSON Schemas in {@code kubernetes-schemas/} (their source
 * and version: that folder's README). A kind without a schema there is itself a violation: a new
 * kind in the manifests needs its schema first.
 */
final class ManifestSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ManifestSchemas() {
    }

    /** Schema errors of every document, each line naming the document. */
    static List<String> violations(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : documents) {
            String name = Rules.describe(doc);
            String file = fileFor(doc.path("apiVersion").asString(), doc.path("kind").asString());
            if (ManifestSchemas.class.getResource("/kubernetes-schemas/" + file) == null) {
                violations.add("schema: " + name + ": no schema kubernetes-schemas/" + file);
                continue;
            }
            Schema schema = SCHEMAS.computeIfAbsent(file,
                    f -> REGISTRY.getSchema(SchemaLocation.of("classpath:kubernetes-schemas/" + f)));
            schema.validate(doc).forEach(error -> violations.add("schema: " + name + ": " + error));
        }
        return violations;
    }

    /** {@code apps/v1} Deployment: deployment-apps-v1.json; {@code v1} Service: service-v1.json. */
    static String fileFor(String apiVersion, String kind) {
        String suffix = apiVersion.contains("/") ? apiVersion.replace('/', '-') : apiVersion;
        return kind.toLowerCase(java.util.Locale.ROOT) + "-" + suffix + ".json";
    }
}
