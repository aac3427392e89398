package org.regionalexchange.gateway.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import org.regionalexchange.gateway.error.FieldError;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas (2020-12) of the {@code schemas} module, read from its jar. Schemas are compiled
 * once and cached; validation is thread-safe. Format assertions ({@code date}) are on.
 */
@Component
public class JsonSchemas {

    /** The {@code $id} prefix of every schema; resolved to {@code classpath:schemas/}. */
    public static final String ID_PREFIX = "https://regional-gateway.org/schemas/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_PREFIX, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * Validates {@code document} against schema {@code v1/<name>.json}, and requires every string
     * of it, value or property name, to be text without control characters
     * ({@link ControlCharacters}): a rule of every schema that JSON Schema cannot say once.
     *
     * @return the violations, sorted by field; empty when the document is valid
     * @throws IllegalArgumentException if no schema of that name exists (a programming error)
     */
    public List<FieldError> validate(String name, JsonNode document) {
        Schema schema = schemas.computeIfAbsent(name, this::load);
        List<FieldError> errors = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            errors.add(new FieldError(ControlCharacters.escape(fieldOf(error)),
                    ControlCharacters.escape(messageOf(error))));
        }
        ControlCharacters.check(document, errors);
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return List.copyOf(errors);
    }

    private Schema load(String name) {
        if (!name.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("Bad schema name '" + name + "'");
        }
        if (JsonSchemas.class.getClassLoader().getResource("schemas/v1/" + name + ".json") == null) {
            throw new IllegalArgumentException("No schema 'schemas/v1/" + name + ".json' on the classpath");
        }
        Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + "v1/" + name + ".json"));
        schema.initializeValidators();
        return schema;
    }

    /** {@code identity.dateOfBirth}; for a missing or unknown property, the property itself. */
    static String fieldOf(Error error) {
        StringBuilder field = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(element);
            }
        }
        String keyword = error.getKeyword();
        if (error.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword))) {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(error.getProperty());
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    /** The validator's message without its leading location, which {@link #fieldOf} already gives. */
    static String messageOf(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }
}
