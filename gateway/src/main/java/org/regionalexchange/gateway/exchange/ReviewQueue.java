package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.exchange.ReceivedLedger.Received;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.VerdictStatus;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.ReviewVerdict;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The holder's ledger of received requests as the review reads and settles it (docs/design.md §6
 * step 9), and all that the review may use of the exchange: the requests that wait, each decided
 * again as it stands now, and a reviewer's verdict applied to a fresh decision, signed and stored in
 * the ledger with its access-log entry. The ledger, the decisions and the signed answers stay the
 * exchange's own; the review feature says who decides which request.
 */
@Component
@NamedInterface("review")
public class ReviewQueue {

    /** A received request of the ledger against one of this node's agencies, as its reviewers see it. */
    public static final class Entry {

        private final Received received;

        Entry(Received received) {
            this.received = received;
        }

        public UUID requestId() {
            return received.requestId();
        }

        public Instant receivedAt() {
            return received.receivedAt();
        }

        /** The node that sent the request (request ids are the sending nodes' own). */
        public String requesterNode() {
            return received.senderNode();
        }

        public String requesterAgency() {
            return received.requesterAgency();
        }

        /** The record judged on arrival; null if none was. */
        public UUID subjectRecordId() {
            return received.subjectRecordId();
        }

        /** The version of the record judged on arrival; null if none was. */
        public Long subjectRecordVersion() {
            return received.subjectRecordVersion();
        }

        /** Whether the request still waits for a reviewer. */
        public boolean waiting() {
            return "WAITING".equals(received.reviewState());
        }
    }

    /**
     * A request in the queue: the ledger's entry, the request as received ({@code request} of
     * {@code exchange-request.json}) and the decision it would get now, before any review. A stored
     * request that cannot be read has neither request nor decision; one whose record cannot be read
     * has no decision: the queue shows it as unreadable, never as releasable.
     */
    public record Queued(Entry entry, JsonNode request, Decision decisionNow) {

        /** Whether the request and its record could be read and decided again now. */
        public boolean readable() {
            return request != null && decisionNow != null;
        }

        /**
         * What an approval now would release: the categories the decision now releases or leaves to
         * the reviewer, none if it releases nothing (a refusal, a withdrawn consent, a hold, a changed
         * record) or if the request cannot be read. The approval itself decides again.
         */
        public List<Category> wouldRelease() {
            if (!readable() || decisionNow.outcome() == Outcome.NOT_AVAILABLE) {
                return List.of();
            }
            List<Category> released = new ArrayList<>(decisionNow.categories(VerdictStatus.RELEASED));
            released.addAll(decisionNow.categories(VerdictStatus.AWAITING_REVIEW));
            return released.stream().sorted().toList();
        }
    }

    private final ReceivedLedger ledger;
    private final InboundExchange inbound;
    private final ResponseBuilder responses;
    private final EnvelopeVerifier verifier;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExchangeLog exchangeLog;

    ReviewQueue(ReceivedLedger ledger, InboundExchange inbound, ResponseBuilder responses, EnvelopeVerifier verifier,
            TransactionTemplate transactions, Clock clock, ExchangeLog exchangeLog) {
        this.ledger = ledger;
        this.inbound = inbound;
        this.responses = responses;
        this.verifier = verifier;
        this.transactions = transactions;
        this.clock = clock;
        this.exchangeLog = exchangeLog;
    }

    /**
     * The requests against the reviewer's agency that wait, oldest first; the read is logged first.
     * Each stored envelope is taken as accepted on arrival (not verified again for a listing): a
     * decision on it authenticates it again ({@link #settle}).
     */
    public List<Queued> waiting(Officer reviewer) {
        return queued(reviewer, ledger.waitingForReview(reviewer.agency()));
    }

    /** One page of {@link #waiting(Officer)}: {@code limit} requests from the {@code offset}-th, oldest first. */
    public List<Queued> waiting(Officer reviewer, long offset, int limit) {
        return queued(reviewer, ledger.waitingForReview(reviewer.agency(), offset, limit));
    }

    /** How many requests against the agency wait for review. */
    public long countWaiting(String holderAgency) {
        return ledger.countWaitingForReview(holderAgency);
    }

    private List<Queued> queued(Officer reviewer, List<Received> waiting) {
        transactions.executeWithoutResult(status -> exchangeLog.reviewQueueRead(reviewer.subject(), reviewer.agency()));
        // The page decided in one batch: its reads do not grow with its items (docs/performance.md P7).
        List<Queued> queue = new ArrayList<>(waiting.size());
        for (InboundExchange.DecidedNow now : inbound.decideNowAll(waiting, clock.instant())) {
            queue.add(new Queued(new Entry(now.received()),
                    now.envelope() == null ? null : now.envelope().payload().get("request"), now.decision()));
        }
        return queue;
    }

    /**
     * The requests of {@code holderAgency} under this id, waiting or not: two nodes may have used the
     * same id; {@code requesterNode} (if not null) says which is meant.
     */
    public List<Entry> forHolder(UUID requestId, String holderAgency, String requesterNode) {
        return ledger.forHolder(requestId, holderAgency, requesterNode).stream().map(Entry::new).toList();
    }

    /**
     * Applies a reviewer's verdict: the stored envelope authenticated again, a fresh decision of the
     * record judged on arrival, the signed final answer stored for the requester node with the
     * reviewer's decision ({@code reviewDecision}, JSON) and logged, in one transaction. Empty if the
     * request no longer waited (another reviewer decided it meanwhile): nothing is stored then.
     */
    public Optional<Decision> settle(Entry entry, Officer reviewer, ReviewVerdict verdict, String reviewDecision,
            Instant now) {
        Received received = entry.received;
        VerifiedEnvelope request = verifier.authenticate(received.requestJws(), ExchangeMessages.REQUEST);
        Judgment judgment = inbound.decideAfterReview(received, request, verdict, now);
        ResponseBuilder.Signed signed = responses.sign(request, received.requestId(), judgment, now);
        Decision decision = signed.decision();
        boolean stored = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean updated = ledger.reviewed(received.senderNode(), received.requestId(), reviewer.agency(),
                    verdict == ReviewVerdict.APPROVE ? "APPROVED" : "REJECTED", reviewDecision,
                    decision.outcome().name(), decision.internalReason().map(ReasonCode::code).orElse(null),
                    signed.jws());
            if (updated) {
                exchangeLog.reviewed(reviewer.subject(), reviewer.agency(), received.subjectRecordId(), decision,
                        exchangeLog.holderSide(request, received.holderAgency(), signed));
            }
            return updated;
        }));
        return stored ? Optional.of(decision) : Optional.empty();
    }
}
