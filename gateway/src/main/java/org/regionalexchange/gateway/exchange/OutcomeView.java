package org.regionalexchange.gateway.exchange;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer's view of an outcome (docs/openapi.yaml, {@code Outcome}): the holder's verified answer, as signed,
 * plus the evidence to verify it again offline. A {@code NOT_AVAILABLE} answer carries nothing but
 * the outcome, whatever its cause; the holder signed it so.
 */
final class OutcomeView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutcomeView() {
    }

    static ObjectNode of(UUID requestId, JsonNode payload, String holderNode, String keyId, String responseJws) {
        ObjectNode view = JSON.createObjectNode();
        view.put("requestId", requestId.toString());
        view.put("outcome", payload.get("outcome").asString());
        for (String field : new String[] {"released", "withheld", "reasons", "handling"}) {
            if (payload.has(field)) {
                view.set(field, payload.get(field));
            }
        }
        ObjectNode evidence = view.putObject("evidence");
        evidence.put("holderNode", holderNode);
        evidence.put("keyId", keyId);
        evidence.put("responseJws", responseJws);
        return view;
    }
}
