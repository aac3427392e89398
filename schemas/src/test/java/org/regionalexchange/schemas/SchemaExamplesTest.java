package org.regionalexchange.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every schema is a valid 2020-12 schema that resolves from the classpath by its {@code $id}; each
 * example under {@code examples/valid} is accepted and each under {@code examples/invalid} refused.
 * An example is named {@code <schema>.<what>.json}.
 */
class SchemaExamplesTest {

    private static final String ID_PREFIX = "https://regional-gateway.org/schemas/";
    private static final Path EXAMPLES = Path.of("src/test/resources/examples");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @Test
    void everySchemaDeclaresItsIdAndDraft() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/schemas/v1"))) {
            List<Path> schemas = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertFalse(schemas.isEmpty());
            for (Path file : schemas) {
                JsonNode schema = JSON.readTree(file.toFile());
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asString(), file.toString());
                assertEquals(ID_PREFIX + "v1/" + file.getFileName(), schema.path("$id").asString(), file.toString());
                load(file.getFileName().toString()).initializeValidators();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "examples present");
        return files.stream().map(file -> DynamicTest.dynamicTest(EXAMPLES.relativize(file).toString(), () -> {
            String schemaName = file.getFileName().toString().split("\\.")[0] + ".json";
            var errors = load(schemaName).validate(JSON.readTree(file.toFile()));
            boolean expectValid = file.getParent().getFileName().toString().equals("valid");
            assertEquals(expectValid, errors.isEmpty(), () -> file + ": " + errors);
        }));
    }

    private static Schema load(String fileName) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + "v1/" + fileName));
    }
}
