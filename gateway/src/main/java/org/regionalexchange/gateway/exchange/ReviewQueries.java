package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a requester node's signed query for a request it sent (ARCHITECTURE.md §5 step 6): the
 * stored answer, pending or final. Only the node that sent the request, naming its digest, gets it.
 */
@Component
class ReviewQueries {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueries.class);

    private final EnvelopeVerifier verifier;
    private final ReceivedLedger ledger;
    private final Clock clock;
    private final ExchangeLog exchangeLog;

    private final TransactionTemplate transactions;

    ReviewQueries(EnvelopeVerifier verifier, ReceivedLedger ledger, Clock clock, ExchangeLog exchangeLog,
            TransactionTemplate transactions) {
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
        // The answer leaves the node only once its collection is logged (R1).
        VerifiedEnvelope request = verifier.authenticate(received.requestJws(), ExchangeMessages.REQUEST);
        transactions.executeWithoutResult(status -> exchangeLog.collected(received.senderNode(),
                received.requesterAgency(), received.subjectRecordId(), received.outcome(),
                exchangeLog.holderSide(request, received.holderAgency(), received.responseJws())));
        return received.responseJws();
    }
}
