package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.audit.ExchangeDetail;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.InternalDetail;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The exchange's entries in the access log (docs/design.md §9): every request sent and received,
 * every decision with its true reasons (the internal cause of a {@code NOT_AVAILABLE} included:
 * this log stays at the holder), every review and every refused envelope. Each entry is written
 * in the transaction that makes its data releasable or stored.
 */
@Component
class ExchangeLog {

    private final AccessLog log;
    private final NodeProperties node;
    private final TransactionTemplate transactions;
    private final ParticipantRegistry registry;
    private final ExchangeMetrics metrics;

    private final Clock clock;

    ExchangeLog(AccessLog log, NodeProperties node, TransactionTemplate transactions, ParticipantRegistry registry,
            Clock clock, ExchangeMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.clock = clock;
        this.log = log;
        this.node = node;
        this.transactions = transactions;
    }

    /**
     * Requester side: the request left this node (with what was asked, why, and the envelope's
     * digest), logged in one statement with {@code stored}, the request's row in the ledger.
     */
    void sent(String officer, String agency, ExchangeDetail detail, AccessLog.Write stored) {
        append(officer, agency, AccessAction.REQUEST_SENT, null, AccessEvent.OK, List.of(), detail, stored);
    }

    /**
     * Requester side: the holder's signed answer was verified and stored as evidence, logged in one
     * statement with {@code stored}, the answer's update of the ledger's row.
     */
    void received(String officer, String agency, String outcome, ExchangeDetail detail, AccessLog.Write stored) {
        append(officer, agency, AccessAction.RESPONSE_RECEIVED, null, outcome, List.of(), detail, stored);
    }

    /** Requester side: an officer read a stored answer again. */
    void read(String officer, String agency, String outcome, ExchangeDetail detail) {
        append(officer, agency, AccessAction.RESPONSE_READ, null, outcome, List.of(), detail);
    }

    /**
     * Requester side: the node's own check refused the officer's request before anything left the
     * node, with every reason the officer was given, what was asked and why (no request id: the
     * request was never made). The requesting agency's DPO sees it; the reuse alert counts it.
     */
    void refusedBeforeSending(String officer, String agency, Decision refusal, ExchangeDetail detail) {
        append(officer, agency, AccessAction.REQUEST_REFUSED_BEFORE_SENDING, null, AccessEvent.REFUSED,
                reasons(refusal), detail);
    }

    /** Holder side: a request decided, logged in one statement with {@code received}, its row in the ledger. */
    void decided(String officer, String requesterAgency, UUID recordId, Decision decision, ExchangeDetail detail,
            AccessLog.Write received) {
        append(officer, requesterAgency, AccessAction.REQUEST_DECIDED, recordId, decision.outcome().name(),
                reasons(decision), detail, received);
    }

    void retried(String officer, String requesterAgency, UUID recordId, String outcome, ExchangeDetail detail) {
        append(officer, requesterAgency, AccessAction.REQUEST_RETRY_ANSWERED, recordId, outcome, List.of(), detail);
    }

    /** Holder side: the requester node collected the answer of a reviewed request. */
    void collected(String senderNode, String requesterAgency, UUID recordId, String outcome, ExchangeDetail detail) {
        append("node:" + senderNode, requesterAgency, AccessAction.ANSWER_COLLECTED, recordId, outcome, List.of(),
                detail);
    }

    /**
     * Holder side: the requester node collected an answer that was decided again at collection; the
     * entry carries that decision's reasons (the review's own entry keeps the reviewer's decision).
     */
    void collectedAfterDecision(String senderNode, String requesterAgency, UUID recordId, Decision decision,
            ExchangeDetail detail) {
        append("node:" + senderNode, requesterAgency, AccessAction.ANSWER_COLLECTED, recordId,
                decision.outcome().name(), reasons(decision), detail);
    }

    void reviewQueueRead(String reviewer, String agency) {
        append(reviewer, agency, AccessAction.REVIEW_QUEUE_READ, null, AccessEvent.OK, List.of(), null);
    }

    void reviewed(String reviewer, String agency, UUID recordId, Decision decision, ExchangeDetail detail) {
        append(reviewer, agency, AccessAction.REVIEW_DECIDED, recordId, decision.outcome().name(), reasons(decision),
                detail);
    }

    /** A refused envelope, in a transaction of its own: nothing else happens for it. */
    void refused(String senderNode, String code) {
        metrics.envelopeRefused(code);
        transactions.executeWithoutResult(status -> append(senderNode == null ? "node:unknown" : "node:" + senderNode,
                null, AccessAction.ENVELOPE_REFUSED, null, AccessEvent.REFUSED, List.of(code), null));
    }

    /**
     * The detail of a request received by this holder: the requester node and its party (from the
     * registry entry of the signing key), what was asked and why, the categories the signed answer
     * released (none yet for a pending one) and both digests.
     */
    ExchangeDetail holderSide(VerifiedEnvelope request, String holderAgency, String responseJws) {
        return holderSide(request, holderAgency, responseJws, released(responseJws));
    }

    /** The same for an answer this node just signed: its released categories are known, not parsed again. */
    ExchangeDetail holderSide(VerifiedEnvelope request, String holderAgency, ResponseBuilder.Signed answer) {
        return holderSide(request, holderAgency, answer.jws(), answer.released());
    }

    /**
     * The same for a request just received and answered: everything comes from the request as read
     * once on arrival and from what the signer released; nothing is parsed or fingerprinted again.
     */
    ExchangeDetail holderSide(HolderRequest request, ResponseBuilder.Signed answer) {
        VerifiedEnvelope envelope = request.envelope();
        return new ExchangeDetail(request.requestId(), envelope.senderNode(), party(envelope.senderNode()),
                request.holder().id(), request.purpose(), answer.released(), request.justification(),
                request.fingerprints().asWritten(), envelope.digest(), CompactJws.digest(answer.jws()));
    }

    private ExchangeDetail holderSide(VerifiedEnvelope request, String holderAgency, String responseJws,
            List<String> released) {
        JsonNode payload = request.payload();
        JsonNode asked = payload.path("request");
        String justification = asked.path("justification").asString(null);
        return new ExchangeDetail(uuid(payload.path("requestId").asString(null)), request.senderNode(),
                party(request.senderNode()), holderAgency, asked.path("purpose").asString(null),
                released, justification,
                justification == null ? null : JustificationFingerprint.of(justification).sha256Hex(), request.digest(),
                responseJws == null ? null : CompactJws.digest(responseJws));
    }

    /**
     * The detail of a request sent by this node and not answered yet: the holder node and its party,
     * what was asked (the categories requested) and why, with the justification's fingerprint as the
     * ledger keeps it (computed once, before sending), and the request's digest.
     */
    ExchangeDetail requesterSide(UUID requestId, String holderNode, String holderAgency, JsonNode request,
            String fingerprint, String requestDigest) {
        List<String> requested = new ArrayList<>();
        request.path("categories").forEach(c -> requested.add(c.asString()));
        return requesterSide(requestId, holderNode, holderAgency, request, fingerprint, requestDigest, null, requested);
    }

    /** The same for an answered request: the categories its answer released, from its verified payload. */
    ExchangeDetail requesterSide(UUID requestId, String holderNode, String holderAgency, JsonNode request,
            String fingerprint, String requestDigest, String responseJws, List<String> released) {
        return new ExchangeDetail(requestId, holderNode, party(holderNode), holderAgency,
                request.path("purpose").asString(null), released, request.path("justification").asString(null),
                fingerprint, requestDigest, responseJws == null ? null : CompactJws.digest(responseJws));
    }

    private String party(String nodeId) {
        return registry.node(nodeId).map(n -> n.country() != null ? n.country() : n.organization()).orElse(null);
    }

    /** The categories a signed answer of this node released. */
    static java.util.Set<org.regionalexchange.policy.model.Category> releasedCategories(String responseJws) {
        java.util.Set<org.regionalexchange.policy.model.Category> categories =
                java.util.EnumSet.noneOf(org.regionalexchange.policy.model.Category.class);
        released(responseJws).forEach(c -> categories.add(org.regionalexchange.policy.model.Category.valueOf(c)));
        return categories;
    }

    /** The categories a signed answer released, in its order. */
    private static List<String> released(String responseJws) {
        List<String> categories = new ArrayList<>();
        if (responseJws != null) {
            CompactJws.parse(responseJws).payload().path("released").propertyNames().forEach(categories::add);
        }
        return categories;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void append(String actor, String agency, AccessAction action, UUID recordId, String outcome,
            List<String> reasons, ExchangeDetail detail) {
        log.append(event(actor, agency, action, recordId, outcome, reasons, detail));
    }

    private void append(String actor, String agency, AccessAction action, UUID recordId, String outcome,
            List<String> reasons, ExchangeDetail detail, AccessLog.Write with) {
        log.appendWith(event(actor, agency, action, recordId, outcome, reasons, detail), with);
    }

    private AccessEvent event(String actor, String agency, AccessAction action, UUID recordId, String outcome,
            List<String> reasons, ExchangeDetail detail) {
        return new AccessEvent(clock.instant(), actor, agency, node.id(), action, recordId, outcome, reasons, detail);
    }

    /** Internal reason first, then the precise internal details, then what the requester saw. */
    private static List<String> reasons(Decision decision) {
        List<String> codes = new ArrayList<>();
        decision.internalReason().map(ReasonCode::code).ifPresent(codes::add);
        for (InternalDetail detail : decision.internalDetails()) {
            if (!codes.contains(detail.code().code())) {
                codes.add(detail.code().code());
            }
        }
        for (Reason reason : decision.requesterView().reasons()) {
            if (!codes.contains(reason.code().code())) {
                codes.add(reason.code().code());
            }
        }
        return codes;
    }
}
