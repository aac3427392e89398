package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.policy.Decision;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.node.ObjectNode;

/**
 * The holder side of an exchange step by step, for the variants of the P1 benchmark
 * ({@code bench/holder-throughput}): each step is the node's own code ({@link InboundExchange},
 * {@link ResponseBuilder}, the verifier, the schemas), so a variant measures what the holder does.
 * Test code: not a component, so the nodes of other tests never pick it up.
 */
public final class HolderSteps {

    /** A decision on one request: the record when exactly one matched, else null. */
    public record Decided(UUID requestId, UUID recordId, Decision decision, Judgment judgment) {
    }

    private final InboundExchange inbound;
    private final ResponseBuilder responses;
    private final EnvelopeVerifier verifier;
    private final JsonSchemas schemas;

    private HolderSteps(ApplicationContext context) {
        this.inbound = context.getBean(InboundExchange.class);
        this.responses = context.getBean(ResponseBuilder.class);
        this.verifier = context.getBean(EnvelopeVerifier.class);
        this.schemas = context.getBean(JsonSchemas.class);
    }

    public static HolderSteps of(ApplicationContext context) {
        return new HolderSteps(context);
    }

    /**
     * What the holder checks before deciding: the envelope authenticated against the registry and
     * fresh, its payload valid against {@code exchange-request.json}. Refusals are the holder's.
     */
    public VerifiedEnvelope accept(String compact, Instant now) {
        VerifiedEnvelope envelope;
        try {
            envelope = verifier.verify(compact, ExchangeMessages.REQUEST, now);
        } catch (EnvelopeRejectedException e) {
            throw InboundExchange.rejected(e.reason());
        }
        var errors = schemas.validate("exchange-request", envelope.payload());
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION, "The request does not match its schema.", errors);
        }
        return envelope;
    }

    /** The holder's decision (screening, subject resolution with the record's consents, policy); in the caller's transaction. */
    public Decided decide(VerifiedEnvelope envelope, Instant now) {
        InboundExchange.Decided decided = inbound.decide(envelope, envelope.payload(), now);
        return new Decided(decided.requestId(), decided.recordId(), decided.decision(), decided.judgment());
    }

    /** The holder's answer to a decision, unsigned: released data read, minimized and redacted. */
    public ObjectNode answer(VerifiedEnvelope envelope, Decided decided) {
        return responses.payload(decided.requestId(), envelope.digest(), decided.judgment());
    }

    /** The same answer, signed with the node's key and bound to the request's digest. */
    public String signedAnswer(VerifiedEnvelope envelope, Decided decided, Instant now) {
        return responses.sign(envelope, decided.requestId(), decided.judgment(), now).jws();
    }

    /** Everything the node's own endpoint does with a request envelope ({@code POST /exchange/v1/requests}). */
    public String receive(String compact) {
        return inbound.receive(compact);
    }
}
