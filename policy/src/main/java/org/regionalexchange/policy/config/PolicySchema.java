package org.regionalexchange.policy.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.List;

/** The JSON Schema of the policy file ({@code schemas/v1/policy-config.json} from the schemas jar). */
final class PolicySchema {
    static final String CLASSPATH_LOCATION = "classpath:schemas/v1/policy-config.json";

    private static final class Holder {
        static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(CLASSPATH_LOCATION));
    }

    private PolicySchema() {
    }

    /** Validates the document and adds one error per schema violation, placed at the offending key. */
    static void validate(YamlDocument document, List<ConfigError> errors) {
        validate(Holder.SCHEMA, document, errors);
    }

    /** The same against another schema of the schemas jar (the screening questionnaire's). */
    static void validate(Schema schema, YamlDocument document, List<ConfigError> errors) {
        for (Error error : schema.validate(document.root())) {
            String pointer = pointer(error.getInstanceLocation());
            String property = error.getProperty();
            if (property != null && document.has(pointer + "/" + YamlDocument.escape(property))) {
                pointer = pointer + "/" + YamlDocument.escape(property);
            }
            String where = pointer.isEmpty() ? "(document)" : pointer;
            errors.add(document.error(pointer, where + ": " + stripLocation(error.getMessage()) + " [schema "
                    + error.getKeyword() + "]"));
        }
    }

    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(YamlDocument.escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    /** The validator prefixes messages with the instance location; we put our own pointer first instead. */
    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        if (colon > 0 && (message.startsWith("$") || message.startsWith("/"))) {
            return message.substring(colon + 2);
        }
        return message;
    }
}
