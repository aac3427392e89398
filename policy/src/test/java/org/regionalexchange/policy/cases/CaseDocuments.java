package org.regionalexchange.policy.cases;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regionalexchange.policy.TestPolicies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reading, schema-checking and merging case files over {@code case-fixtures/base.yaml}. */
final class CaseDocuments {
    static final Path CASES = Path.of("src", "test", "resources", "cases");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:schemas/v1/policy-case.json"));
    /** Objects that name one party or one selector: a case replaces them whole instead of merging. */
    private static final Set<String> REPLACED_WHOLE = Set.of("/holder", "/request/requester", "/request/subject");
    private static final ObjectNode BASE = (ObjectNode) YAML.readTree(TestPolicies.resource("case-fixtures/base.yaml"));

    private CaseDocuments() {
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> schemaErrors(JsonNode document) {
        return SCHEMA.validate(document);
    }

    /** The case over the base; items of candidates lists are merged over the base record. */
    static ObjectNode merged(JsonNode caseFile) {
        ObjectNode result = BASE.deepCopy();
        merge(result, (ObjectNode) caseFile, "", REPLACED_WHOLE);
        JsonNode record = result.get("record");
        result.set("candidates", overRecord(record, result.get("candidates")));
        for (String step : new String[] {"review", "collection"}) {
            JsonNode at = result.get(step);
            if (at != null && at.has("candidates")) {
                ((ObjectNode) at).set("candidates", overRecord(record, at.get("candidates")));
            }
        }
        return result;
    }

    private static ArrayNode overRecord(JsonNode record, JsonNode items) {
        ArrayNode out = YAML.createArrayNode();
        for (JsonNode item : items) {
            ObjectNode candidate = (ObjectNode) record.deepCopy();
            merge(candidate, (ObjectNode) item, "/record", REPLACED_WHOLE);
            out.add(candidate);
        }
        return out;
    }

    /**
     * Deep-merges the overlay into the target: objects merge, lists and scalars replace, null removes; an object
     * at one of the {@code replacedWhole} pointers is replaced, not merged.
     */
    static void merge(ObjectNode target, ObjectNode overlay, String path, Set<String> replacedWhole) {
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            String childPath = path + "/" + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (e.getValue().isObject() && existing != null && existing.isObject() && !replacedWhole.contains(childPath)) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), childPath, replacedWhole);
            } else if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
