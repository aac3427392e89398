package org.regionalexchange.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.regionalexchange.gateway.validation.JsonSchemas;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target for schema validation of request bodies (docs/performance.md R4): any JSON document, against
 * any of the wire schemas, is judged valid or invalid; the validator itself never fails.
 */
class SchemaFuzzTest {

    private static final String[] SCHEMAS = {"record", "consent", "consent-withdrawal", "request", "review-decision",
        "exchange-request", "exchange-response", "agreement", "registry"};
    private static final JsonSchemas SCHEMA_SET = new JsonSchemas();
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @FuzzTest(maxDuration = "60s")
    void validate(FuzzedDataProvider data) {
        String schema = SCHEMAS[data.consumeInt(0, SCHEMAS.length - 1)];
        JsonNode document;
        try {
            document = JSON.readTree(data.consumeRemainingAsString());
        } catch (JacksonException malformed) {
            return;
        }
        if (document != null) {
            SCHEMA_SET.validate(schema, document);
        }
    }
}
