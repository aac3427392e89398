package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.model.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a requester node's signed query for a request it sent (docs/design.md §5 step 6): the
 * stored answer, pending or final, and for an answer that releases data the same request decided
 * again at this moment. Only the node that sent the request, naming its digest, gets it.
 */
@Component
class ReviewQueries {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueries.class);

    private final EnvelopeVerifier verifier;
    private final ReceivedLedger ledger;
    private final Clock clock;
    private final ExchangeLog exchangeLog;

    private final TransactionTemplate transactions;
    private final InboundExchange inbound;
    private final ResponseBuilder responses;

    ReviewQueries(EnvelopeVerifier verifier, ReceivedLedger ledger, Clock clock, ExchangeLog exchangeLog,
            TransactionTemplate transactions, InboundExchange inbound, ResponseBuilder responses) {
        this.inbound = inbound;
        this.responses = responses;
        this.transactions = transactions;
        this.exchangeLog = exchangeLog;
        this.verifier = verifier;
        this.ledger = ledger;
        this.clock = clock;
    }

    String answer(UUID requestId, String queryEnvelope) {
        VerifiedEnvelope query;
        try {
            query = verifier.verify(queryEnvelope, ExchangeMessages.QUERY, clock.instant());
        } catch (EnvelopeRejectedException e) {
            log.warn("query envelope refused code={}", e.reason().code());
            exchangeLog.refused(null, e.reason().code());
            throw InboundExchange.rejected(e.reason());
        }
        ReceivedLedger.Received received = ledger.byRequestId(query.senderNode(), requestId)
                .filter(r -> r.requestDigest().equals(query.payload().path("requestDigest").asString()))
                .filter(r -> requestId.toString().equals(query.payload().path("requestId").asString()))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such request from your node."));
        VerifiedEnvelope request = verifier.authenticate(received.requestJws(), ExchangeMessages.REQUEST);
        Set<Category> released = ExchangeLog.releasedCategories(received.responseJws());
        if (released.isEmpty()) {
            // Nothing of the person in it: the stored answer stands. It leaves once its collection is logged (R1).
            transactions.executeWithoutResult(status -> exchangeLog.collected(received.senderNode(),
                    received.requesterAgency(), received.subjectRecordId(), received.outcome(),
                    exchangeLog.holderSide(request, received.holderAgency(), received.responseJws())));
            return received.responseJws();
        }
        // An answer that releases data is decided again now (consent withdrawn or hold placed since the
        // approval take effect at once) and releases only what still passes, of the record judged.
        Instant now = clock.instant();
        Judgment judgment = inbound.decideAtCollection(received, request, released, now);
        ResponseBuilder.Signed signed = responses.sign(request, received.requestId(), judgment, now);
        Decision decision = signed.decision();
        transactions.executeWithoutResult(status -> {
            ledger.collected(received.senderNode(), received.requestId(), decision.outcome().name(),
                    decision.internalReason().map(ReasonCode::code).orElse(null), signed.jws());
            exchangeLog.collectedAfterDecision(received.senderNode(), received.requesterAgency(),
                    received.subjectRecordId(), decision,
                    exchangeLog.holderSide(request, received.holderAgency(), signed));
        });
        log.info("answer collected requestId={} sender={} outcome={}", received.requestId(), received.senderNode(),
                decision.outcome());
        return signed.jws();
    }
}
