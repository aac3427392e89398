package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.InternalDetail;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.ReasonCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange's entries in the access log (ARCHITECTURE.md §9): every request sent and received,
 * every decision with its true reasons (the internal cause of a {@code NOT_AVAILABLE} included:
 * this log stays at the holder), every review and every refused envelope. Each entry is written
 * in the transaction that makes its data releasable or stored.
 */
@Component
class ExchangeLog {

    private final AccessLog log;
    private final NodeProperties node;
    private final TransactionTemplate transactions;

    ExchangeLog(AccessLog log, NodeProperties node, TransactionTemplate transactions) {
        this.log = log;
        this.node = node;
        this.transactions = transactions;
    }

    void sent(String officer, String agency) {
        append(officer, agency, AccessAction.REQUEST_SENT, null, AccessEvent.OK, List.of());
    }

    void received(String officer, String agency, String outcome) {
        append(officer, agency, AccessAction.RESPONSE_RECEIVED, null, outcome, List.of());
    }

    void decided(String officer, String requesterAgency, UUID recordId, Decision decision) {
        append(officer, requesterAgency, AccessAction.REQUEST_DECIDED, recordId, decision.outcome().name(),
                reasons(decision));
    }

    void retried(String officer, String requesterAgency, UUID recordId, String outcome) {
        append(officer, requesterAgency, AccessAction.REQUEST_RETRY_ANSWERED, recordId, outcome, List.of());
    }

    void reviewQueueRead(String reviewer, String agency) {
        append(reviewer, agency, AccessAction.REVIEW_QUEUE_READ, null, AccessEvent.OK, List.of());
    }

    void reviewed(String reviewer, String agency, UUID recordId, Decision decision) {
        append(reviewer, agency, AccessAction.REVIEW_DECIDED, recordId, decision.outcome().name(), reasons(decision));
    }

    /** A refused envelope, in a transaction of its own: nothing else happens for it. */
    void refused(String senderNode, String code) {
        transactions.executeWithoutResult(status -> append(senderNode == null ? "node:unknown" : "node:" + senderNode,
                null, AccessAction.ENVELOPE_REFUSED, null, AccessEvent.REFUSED, List.of(code)));
    }

    private void append(String actor, String agency, AccessAction action, UUID recordId, String outcome,
            List<String> reasons) {
        log.append(new AccessEvent(Instant.now(), actor, agency, node.id(), action, recordId, outcome, reasons));
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
