package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.util.UUID;

import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Obligations;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.RequesterView;
import org.regionalexchange.policy.Withheld;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and signs the holder's answer (schema {@code exchange-response.json}) from the decision's
 * requester view only: the internal reason of a {@code NOT_AVAILABLE} never enters it, and
 * released data is fetched for the released categories only, redacted as the obligations say.
 */
@Component
class ResponseBuilder {

    private final EnvelopeSigner signer;
    private final HolderRecords records;
    private final JsonMapper json;

    ResponseBuilder(EnvelopeSigner signer, HolderRecords records, JsonMapper json) {
        this.signer = signer;
        this.records = records;
        this.json = json;
    }

    String sign(VerifiedEnvelope request, UUID requestId, Decision decision, UUID recordId, Instant now) {
        return signer.sign(ExchangeMessages.RESPONSE, request.senderNode(),
                payload(requestId, request.digest(), decision, recordId), now);
    }

    ObjectNode payload(UUID requestId, String requestDigest, Decision decision, UUID recordId) {
        RequesterView view = decision.requesterView();
        ObjectNode payload = json.createObjectNode();
        payload.put("requestId", requestId.toString());
        payload.put("requestDigest", requestDigest);
        payload.put("outcome", view.outcome().name());
        if (view.outcome() == Outcome.NOT_AVAILABLE) {
            return payload;
        }
        if (!view.released().isEmpty()) {
            Obligations obligations = view.obligations().orElseThrow(
                    () -> new IllegalStateException("a release without obligations"));
            payload.set("released", records.released(recordId, decision));
            ObjectNode handling = payload.putObject("handling");
            handling.put("code", obligations.handling().name());
            handling.put("permittedUse", obligations.permittedUse().name());
            handling.put("retainUntil", obligations.retainUntil().toString());
            ArrayNode redactions = handling.putArray("redactions");
            obligations.redactions().forEach((category, fields) -> fields.forEach(f -> redactions.add(category + "." + f)));
        }
        if (!view.withheld().isEmpty()) {
            ArrayNode withheld = payload.putArray("withheld");
            for (Withheld w : view.withheld()) {
                withheld.addObject().put("category", w.category().name()).put("code", w.code().code());
            }
        }
        if (!view.reasons().isEmpty()) {
            ArrayNode reasons = payload.putArray("reasons");
            for (Reason r : view.reasons()) {
                reasons.addObject().put("code", r.code().code()).put("message", r.message());
            }
        }
        return payload;
    }
}
