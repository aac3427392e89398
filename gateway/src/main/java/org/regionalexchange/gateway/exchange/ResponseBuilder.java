package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.records.RecordChanged;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Obligations;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.RequesterView;
import org.regionalexchange.policy.Withheld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and signs the holder's answer (schema {@code exchange-response.json}) from the decision's
 * requester view only: the internal reason of a {@code NOT_AVAILABLE} never enters it, and
 * released data is fetched for the released categories only, from the record the decision judged at
 * the version it judged, redacted as the obligations say. If that record changed meanwhile, the
 * answer is {@code NOT_AVAILABLE} ({@code subject_changed}) and nothing of the record leaves.
 */
@Component
class ResponseBuilder {

    private static final Logger log = LoggerFactory.getLogger(ResponseBuilder.class);

    /**
     * A signed answer, the judgment it carries (the one asked for, unless the record changed) and
     * the categories it released, in the answer's order.
     */
    record Signed(Judgment judgment, String jws, List<String> released) {
        Decision decision() {
            return judgment.decision();
        }
    }

    private final EnvelopeSigner signer;
    private final HolderRecords records;
    private final PolicyEngine engine;
    private final JsonMapper json;

    ResponseBuilder(EnvelopeSigner signer, HolderRecords records, PolicyEngine engine, JsonMapper json) {
        this.signer = signer;
        this.records = records;
        this.engine = engine;
        this.json = json;
    }

    Signed sign(VerifiedEnvelope request, UUID requestId, Judgment judgment, Instant now) {
        Judgment answered = judgment;
        ObjectNode payload;
        try {
            payload = payload(requestId, request.digest(), judgment);
        } catch (RecordChanged e) {
            log.warn("release refused requestId={} record={} code=subject_changed", requestId, e.judged());
            answered = new Judgment(engine.subjectChanged(), judgment.judged());
            payload = payload(requestId, request.digest(), answered);
        }
        List<String> released = new ArrayList<>();
        payload.path("released").propertyNames().forEach(released::add);
        return new Signed(answered, signer.sign(ExchangeMessages.RESPONSE, request.senderNode(), payload, now),
                List.copyOf(released));
    }

    ObjectNode payload(UUID requestId, String requestDigest, Judgment judgment) {
        Decision decision = judgment.decision();
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
            payload.set("released", records.released(judgment));
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
