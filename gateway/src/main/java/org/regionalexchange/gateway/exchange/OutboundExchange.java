package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.error.ProblemReason;
import org.regionalexchange.gateway.exchange.HolderClient.NodeAnswer;
import org.regionalexchange.gateway.exchange.RequestLedger.SentRequest;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.CountryCodes;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requester side of an exchange (docs/design.md §5 steps 1, 2 and 5): checks the officer's
 * request locally, so a bad one never leaves the node; records it; signs it; sends it to the
 * holder node found in the directory; verifies the signed answer and its binding to the request;
 * keeps it as evidence; returns the outcome.
 */
@Service
class OutboundExchange {

    private static final Logger log = LoggerFactory.getLogger(OutboundExchange.class);

    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final PolicyEngine engine;
    private final PolicyConfig policy;
    private final EnvelopeSigner signer;
    private final EnvelopeVerifier verifier;
    private final RequestLedger ledger;
    private final HolderClient holders;
    private final JsonSchemas schemas;
    private final JsonMapper json;
    private final Clock clock;
    private final ExchangeLog exchangeLog;
    private final TransactionTemplate transactions;
    private final ExchangeMetrics metrics;

    OutboundExchange(ParticipantRegistry registry, NodeProperties node, PolicyEngine engine, PolicyConfig policy,
            EnvelopeSigner signer, EnvelopeVerifier verifier, RequestLedger ledger, ExchangeProperties properties,
            JsonSchemas schemas, JsonMapper json, Clock clock, ExchangeLog exchangeLog,
            TransactionTemplate transactions, RestClient.Builder restClients, MeterRegistry meters,
            ExchangeMetrics metrics) {
        this.exchangeLog = exchangeLog;
        this.transactions = transactions;
        this.registry = registry;
        this.node = node;
        this.engine = engine;
        this.policy = policy;
        this.signer = signer;
        this.verifier = verifier;
        this.ledger = ledger;
        this.holders = new HolderClient(properties, restClients, meters);
        this.metrics = metrics;
        this.schemas = schemas;
        this.json = json;
        this.clock = clock;
    }

    /** Checks, records, signs and sends the officer's request; returns the holder's verified outcome. */
    ObjectNode send(Officer officer, JsonNode request) {
        return metrics.outbound(() -> checkAndSend(officer, request));
    }

    private ObjectNode checkAndSend(Officer officer, JsonNode request) {
        Instant now = clock.instant();
        String holderAgencyId = request.get("holderAgency").asString();
        Agency holderAgency = registry.agency(holderAgencyId).orElseThrow(() -> new ApiException(
                ErrorCode.INVALID_VALUE, "The holder agency is not in the directory.",
                List.of(new FieldError("holderAgency", "Unknown agency '" + holderAgencyId + "'"))));
        RegisteredNode holderNode = registry.node(holderAgency.node()).orElseThrow();
        JsonNode nationality = request.path("subject").path("identity").get("nationality");
        if (nationality != null && !CountryCodes.isKnown(nationality.asString())) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "Unknown country code.", List.of(new FieldError(
                    "subject.identity.nationality", CountryCodes.message(nationality.asString()))));
        }
        Requester requester = new Requester(NodeId.of(node.id()), PolicyRequests.party(registry, officer.agency()),
                AgencyId.of(officer.agency()),
                RequesterRole.OFFICER);
        InformationRequest information = PolicyRequests.toInformationRequest(request, requester);
        String subjectKey = PolicyRequests.subjectKey(holderAgencyId, request.get("subject"));
        JustificationUses.Fingerprints fingerprints = JustificationUses.Fingerprints.of(information.justification());
        JustificationHistory history = new JustificationHistory(subjectKey, ledger.recentJustifications(
                officer.agency(), fingerprints, subjectKey, now.minus(policy.justification().reuseWindow())));
        Optional<Decision> refusal = engine.checkBeforeSending(information, history, now);
        if (refusal.isPresent()) {
            // Nothing leaves the node, but the refusal is the agency's DPO's to see (no log, no answer: 503).
            transactions.executeWithoutResult(status -> exchangeLog.refusedBeforeSending(officer.subject(),
                    officer.agency(), refusal.get(),
                    exchangeLog.requesterSide(null, holderNode.id(), holderAgencyId, request, fingerprints.asWritten(),
                            null)));
            log.info("request refused before sending agency={} holderAgency={} reasons={}", officer.agency(),
                    holderAgencyId, refusal.get().requesterView().reasons().stream().map(r -> r.code().code()).toList());
            throw refused(refusal.get());
        }

        UUID id = UUID.randomUUID();
        ObjectNode message = json.createObjectNode();
        message.put("requestId", id.toString());
        message.put("requesterAgency", officer.agency());
        message.put("officer", officer.subject());
        message.set("request", request);
        String envelope = signer.sign(ExchangeMessages.REQUEST, holderNode.id(), message, now);
        String digest = CompactJws.digest(envelope);
        // The ledger's row and the log's entry in one statement, committed before the request leaves.
        transactions.executeWithoutResult(status -> exchangeLog.sent(officer.subject(), officer.agency(),
                exchangeLog.requesterSide(id, holderNode.id(), holderAgencyId, request, fingerprints.asWritten(), digest),
                RequestLedger.insertion(id, officer.subject(), officer.agency(), holderAgencyId, holderNode.id(),
                        information.purpose().name(), fingerprints, subjectKey, envelope, digest, now)));
        log.info("request sent requestId={} agency={} holderAgency={} holderNode={}", id, officer.agency(),
                holderAgencyId, holderNode.id());
        // The row just written, as it stands: not read back.
        SentRequest sent = new SentRequest(id, officer.subject(), officer.agency(), holderAgencyId, holderNode.id(),
                fingerprints.asWritten(), envelope, digest, "SENT", null, null, null, now);
        return deliver(sent, request, holderNode);
    }

    /** The request's current outcome; an undelivered request is sent again, a pending one asked after. */
    ObjectNode status(Officer officer, UUID id) {
        SentRequest sent = ledger.find(id, officer.agency())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such request of your agency."));
        RegisteredNode holderNode = registry.node(sent.holderNode()).orElseThrow(() -> new ApiException(
                ErrorCode.HOLDER_UNAVAILABLE, "The holder node is no longer in the registry."));
        return switch (sent.status()) {
            case "ANSWERED" -> {
                // A stored answer is personal data: read only once the read is logged (R1).
                ObjectNode answer = CompactJws.parse(sent.responseJws()).payload();
                List<String> released = new ArrayList<>();
                answer.path("released").propertyNames().forEach(released::add);
                transactions.executeWithoutResult(status -> exchangeLog.read(officer.subject(), officer.agency(),
                        sent.outcome(), exchangeLog.requesterSide(sent.id(), sent.holderNode(), sent.holderAgency(),
                                requestOf(sent), sent.justificationFingerprint(), sent.requestDigest(),
                                sent.responseJws(), released)));
                yield OutcomeView.of(id, answer, sent.holderNode(), sent.responseKid(), sent.responseJws());
            }
            case "PENDING_REVIEW" -> askAfterReview(sent, holderNode);
            default -> deliver(sent, requestOf(sent), holderNode);
        };
    }

    /** {@code request} is the officer's request of {@code sent}, as signed. */
    private ObjectNode deliver(SentRequest sent, JsonNode request, RegisteredNode holderNode) {
        NodeAnswer answer = holders.post(holderNode.id(), holderNode.baseUrl(), "/exchange/v1/requests",
                sent.requestJws()).orElseGet(() -> {
            ledger.undelivered(sent.id());
            log.warn("request undelivered requestId={} holderNode={}", sent.id(), holderNode.id());
            throw new ApiException(ErrorCode.HOLDER_UNAVAILABLE, "The holder node did not answer; request "
                    + sent.id() + " is kept and sent again when you ask for its outcome.");
        });
        return accept(sent, request, holderNode, answer);
    }

    private ObjectNode askAfterReview(SentRequest sent, RegisteredNode holderNode) {
        ObjectNode query = json.createObjectNode();
        query.put("requestId", sent.id().toString());
        query.put("requestDigest", sent.requestDigest());
        String envelope = signer.sign(ExchangeMessages.QUERY, holderNode.id(), query, clock.instant());
        NodeAnswer answer = holders.get(holderNode.id(), holderNode.baseUrl(), "/exchange/v1/requests/{id}", envelope,
                sent.id()).orElseThrow(() -> new ApiException(
                ErrorCode.HOLDER_UNAVAILABLE, "The holder node did not answer; ask again later."));
        return accept(sent, requestOf(sent), holderNode, answer);
    }

    /** Verifies the holder's answer, stores it as evidence and returns the outcome. */
    private ObjectNode accept(SentRequest sent, JsonNode request, RegisteredNode holderNode, NodeAnswer answer) {
        if (!answer.isEnvelope()) {
            log.warn("holder refused requestId={} holderNode={} status={}", sent.id(), holderNode.id(), answer.status());
            throw new ApiException(ErrorCode.HOLDER_ANSWER_INVALID,
                    "The holder node refused the request envelope (status " + answer.status() + ").");
        }
        Instant now = clock.instant();
        VerifiedEnvelope response;
        try {
            response = verifier.verify(answer.body(), ExchangeMessages.RESPONSE, now);
        } catch (EnvelopeRejectedException e) {
            log.warn("holder answer rejected requestId={} code={}", sent.id(), e.reason().code());
            throw new ApiException(ErrorCode.HOLDER_ANSWER_INVALID, "The holder's answer did not verify ("
                    + e.reason().code() + ").");
        }
        ObjectNode payload = response.payload();
        if (!response.senderNode().equals(holderNode.id())
                || !sent.requestDigest().equals(payload.path("requestDigest").asString())
                || !sent.id().toString().equals(payload.path("requestId").asString())
                || !schemas.validate("exchange-response", payload).isEmpty()) {
            log.warn("holder answer not bound to the request requestId={}", sent.id());
            throw new ApiException(ErrorCode.HOLDER_ANSWER_INVALID,
                    "The holder's answer is not bound to this request.");
        }
        String outcome = payload.get("outcome").asString();
        // The released categories from the payload verified above, not parsed again.
        List<String> released = new ArrayList<>();
        payload.path("released").propertyNames().forEach(released::add);
        // The answer on the ledger's row and the log's entry in one statement.
        transactions.executeWithoutResult(status -> exchangeLog.received(sent.officer(), sent.agency(), outcome,
                exchangeLog.requesterSide(sent.id(), holderNode.id(), sent.holderAgency(), request,
                        sent.justificationFingerprint(), sent.requestDigest(), answer.body(), released),
                RequestLedger.answer(sent.id(), "PENDING_REVIEW".equals(outcome) ? "PENDING_REVIEW" : "ANSWERED",
                        outcome, answer.body(), response.kid(), now)));
        log.info("answer received requestId={} outcome={} holderNode={}", sent.id(), outcome, holderNode.id());
        return OutcomeView.of(sent.id(), payload, holderNode.id(), response.kid(), answer.body());
    }

    /** The officer's request as signed (the envelope's {@code request} claim). */
    private static JsonNode requestOf(SentRequest sent) {
        return CompactJws.parse(sent.requestJws()).payload().path("request");
    }

    /** A refusal before sending: 422 with every reason, named by field where there is one. */
    private static ApiException refused(Decision refusal) {
        List<ProblemReason> reasons = new ArrayList<>();
        List<FieldError> fields = new ArrayList<>();
        boolean justification = false;
        boolean individualized = true;
        for (Reason reason : refusal.requesterView().reasons()) {
            reasons.add(new ProblemReason(reason.code().code(), reason.message()));
            String field = fieldOf(reason.code());
            if (field != null) {
                fields.add(new FieldError(field, reason.message()));
            }
            justification |= reason.code().code().startsWith("justification_");
            individualized &= reason.code() != ReasonCode.NOT_INDIVIDUALIZED;
        }
        ErrorCode code = justification ? ErrorCode.JUSTIFICATION_INSUFFICIENT
                : !individualized ? ErrorCode.NOT_INDIVIDUALIZED : ErrorCode.REQUEST_REFUSED;
        return new ApiException(code, "The request was refused before sending; nothing left this node.", fields,
                reasons);
    }

    private static String fieldOf(ReasonCode code) {
        String wire = code.code();
        if (wire.startsWith("justification_")) {
            return "justification";
        }
        return switch (code) {
            case NOT_INDIVIDUALIZED -> "subject";
            case CASE_REFERENCE_MISSING -> "requesterCaseRef";
            case PURPOSE_NOT_ENABLED -> "purpose";
            case CATEGORY_NOT_ALLOWED_FOR_PURPOSE, CONTACT_NOT_FOR_SECURITY_OR_EXCLUSION,
                    SPECIFIC_NEEDS_PROTECTION_PURPOSES_ONLY -> "categories";
            default -> null;
        };
    }
}
