package org.regionalexchange.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.exchange.HolderRecords.Candidate;
import org.regionalexchange.gateway.exchange.ReceivedLedger.Received;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.JudgedRecord;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.ReviewVerdict;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.RecentJustification;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The holder side of an exchange (docs/design.md §5 steps 3 and 4, §6): verifies the envelope,
 * refuses replays, answers a retry with the answer already given, re-checks the request, resolves
 * the subject, lets the policy decide, releases only what the decision allows (minimized and
 * redacted), and signs the answer bound to the request's digest.
 */
@Service
class InboundExchange {

    private static final Logger log = LoggerFactory.getLogger(InboundExchange.class);

    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final PolicyEngine engine;
    private final PolicyConfig policy;
    private final HolderRecords records;
    private final ReceivedLedger ledger;
    private final ResponseBuilder responses;
    private final JsonSchemas schemas;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExchangeLog exchangeLog;
    private final StandInReads standIns;
    private final ExchangeMetrics metrics;
    private final Map<String, Set<AgencyId>> agenciesByNode;

    InboundExchange(EnvelopeVerifier verifier, EnvelopeSigner signer, ParticipantRegistry registry,
            NodeProperties node, PolicyEngine engine, PolicyConfig policy, HolderRecords records, ReceivedLedger ledger,
            ResponseBuilder responses, JsonSchemas schemas, DataSource dataSource, Clock clock,
            ExchangeLog exchangeLog, StandInReads standIns, ExchangeMetrics metrics) {
        this.metrics = metrics;
        this.agenciesByNode = agenciesByNode(registry);
        this.exchangeLog = exchangeLog;
        this.standIns = standIns;
        this.verifier = verifier;
        this.signer = signer;
        this.registry = registry;
        this.node = node;
        this.engine = engine;
        this.policy = policy;
        this.records = records;
        this.ledger = ledger;
        this.responses = responses;
        this.schemas = schemas;
        // The holder's own transactions are JDBC-only: every read and write of its path is plain SQL
        // (the subject, the record and its consents, the agreements, the ledger, the access log), so
        // no persistence context is opened for it. A JPA call inside would fail or take a second
        // connection; ExchangeStatementsIT shows every statement of each kind of answer on one connection.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * Answers a request envelope with a signed response envelope. The ledger is not asked before
     * deciding: a fresh envelope is decided and its row inserted, and only if a row of the same
     * sender and {@code jti} exists (the insert fails, everything of this attempt rolls back) is the
     * earlier answer given or the envelope refused as a replay. A stale envelope is answered only if
     * it is a retry of one already answered.
     */
    String receive(String compact) {
        return metrics.inbound(() -> answer(compact));
    }

    private String answer(String compact) {
        Instant now = clock.instant();
        VerifiedEnvelope envelope = authenticate(compact);
        EnvelopeRejectedException stale = freshness(envelope, now);
        if (stale != null) {
            Optional<String> earlier = earlierAnswer(envelope);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            log.warn("request envelope refused code={} sender={}", stale.reason().code(), envelope.senderNode());
            exchangeLog.refused(envelope.senderNode(), stale.reason().code());
            throw rejected(stale.reason());
        }
        ObjectNode payload = envelope.payload();
        var schemaErrors = schemas.validate("exchange-request", payload);
        if (!schemaErrors.isEmpty()) {
            Optional<String> earlier = earlierAnswer(envelope);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            log.warn("request envelope refused code=schema_violation sender={}", envelope.senderNode());
            exchangeLog.refused(envelope.senderNode(), ErrorCode.SCHEMA_VIOLATION.code());
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION, "The request does not match its schema.", schemaErrors);
        }
        try {
            return transactions.execute(status -> decideAndAnswer(envelope, payload, now));
        } catch (DuplicateKeyException e) {
            // A retry, the same envelope twice at once, or a replay: the first one's answer is the answer.
            return earlierAnswer(envelope).orElseThrow(() -> rejected(EnvelopeRejectedException.Reason.REPLAYED));
        }
    }

    private String decideAndAnswer(VerifiedEnvelope envelope, ObjectNode payload, Instant now) {
        Decided decided = decide(envelope, payload, now);
        HolderRequest request = decided.request();
        ResponseBuilder.Signed signed = responses.sign(envelope, request.requestId(), decided.judgment(), now);
        Judgment judgment = signed.judgment();
        Decision decision = judgment.decision();
        // The ledger's row and the log's entry in one statement: a second row for this sender and
        // jti fails it (DuplicateKeyException), and the whole attempt rolls back.
        exchangeLog.decided(request.peerOfficer(), request.requesterAgency(), judgment.recordId(), decision,
                exchangeLog.holderSide(request, signed), ReceivedLedger.insertion(request, signed, now));
        metrics.decided(decision);
        log.info("request answered requestId={} sender={} requesterAgency={} holderAgency={} outcome={}",
                request.requestId(), envelope.senderNode(), request.requesterAgency(), request.holder().id(),
                decision.outcome());
        return signed.jws();
    }

    /**
     * The requesting officer as the holder's log names them: namespaced by the node that signed the
     * request, so a peer cannot make the log name one of this node's own officers.
     */
    static String peerOfficer(VerifiedEnvelope envelope) {
        String officer = envelope.payload().path("officer").asString("");
        return "node:" + envelope.senderNode() + "/" + officer;
    }

    /** A received request decided, with the record the decision judged when exactly one matched. */
    record Decided(HolderRequest request, Judgment judgment) {

        UUID requestId() {
            return request.requestId();
        }

        Decision decision() {
            return judgment.decision();
        }

        UUID recordId() {
            return judgment.recordId();
        }
    }

    /**
     * The holder agency's check, the policy's screening, the subject's resolution and the decision,
     * in the caller's transaction: no record is looked up for a request the screening refuses, and
     * the decision continues from the screening (steps 2-5 run once).
     */
    Decided decide(VerifiedEnvelope envelope, ObjectNode payload, Instant now) {
        HolderRequest request = read(envelope, payload, now);
        PolicyEngine.Screening screening = engine.screening(request.incoming(), now);
        List<Candidate> candidates = List.of();
        if (screening.decision().isEmpty()) {
            candidates = records.candidates(request.holder().id(), request.incoming().request().subject());
            standIns.afterLookup(request.holder().id(), candidates);
        }
        Decision decision = engine.decide(screening, candidates.stream().map(Candidate::facts).toList());
        return new Decided(request, Judgment.of(decision, candidates));
    }

    /** The received request, read once from the verified payload (schema {@code exchange-request}, validated). */
    HolderRequest read(VerifiedEnvelope envelope, JsonNode payload, Instant now) {
        JsonNode request = payload.get("request");
        String holderAgency = request.get("holderAgency").asString();
        Agency holder = registry.agency(holderAgency).filter(a -> a.node().equals(node.id()))
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_VALUE, "The holder agency is not of this node.",
                        List.of(new FieldError("request.holderAgency", "not an agency of node " + node.id()))));
        String requesterAgency = payload.get("requesterAgency").asString();
        InformationRequest information = information(envelope, requesterAgency, request);
        String subjectKey = PolicyRequests.subjectKey(holderAgency, request.get("subject"));
        JustificationUses.Fingerprints fingerprints = JustificationUses.Fingerprints.of(information.justification());
        return new HolderRequest(envelope, UUID.fromString(payload.get("requestId").asString()), requesterAgency,
                payload.path("officer").asString(""), holder,
                incoming(envelope, information, holderAgency, subjectKey, fingerprints, now), subjectKey, fingerprints,
                request.get("purpose").asString());
    }

    /** The policy's view of a received request: the requester's node and party come from the signing key. */
    IncomingRequest incoming(VerifiedEnvelope envelope, String requesterAgency, JsonNode request, Instant now) {
        InformationRequest information = information(envelope, requesterAgency, request);
        String holderAgency = request.get("holderAgency").asString();
        return incoming(envelope, information, holderAgency, PolicyRequests.subjectKey(holderAgency,
                request.get("subject")), JustificationUses.Fingerprints.of(information.justification()), now);
    }

    private InformationRequest information(VerifiedEnvelope envelope, String requesterAgency, JsonNode request) {
        RegisteredNode sender = registry.node(envelope.senderNode()).orElseThrow();
        // The requesting agency's party, as the registry knows it; the policy checks that the agency is
        // one of the signing node's (step 2), so an agency of another node decides nothing here.
        Party party = registry.agency(requesterAgency).isPresent() ? PolicyRequests.party(registry, requesterAgency)
                : nodeParty(sender);
        Requester requester = new Requester(NodeId.of(sender.id()), party, AgencyId.of(requesterAgency),
                RequesterRole.OFFICER);
        try {
            return PolicyRequests.toInformationRequest(request, requester);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "The request holds a value the gateway does not accept.");
        }
    }

    /** The agencies the registry says node {@code node} serves: who may have sent its envelopes. */
    private Set<AgencyId> agenciesOf(String node) {
        return agenciesByNode.getOrDefault(node, Set.of());
    }

    /** Each node's agencies, from the registry (immutable: read once). */
    private static Map<String, Set<AgencyId>> agenciesByNode(ParticipantRegistry registry) {
        Map<String, Set<AgencyId>> byNode = new java.util.HashMap<>();
        registry.agencies().forEach(a -> byNode.computeIfAbsent(a.node(), n -> new java.util.TreeSet<>())
                .add(AgencyId.of(a.id())));
        byNode.replaceAll((node, agencies) -> java.util.Collections.unmodifiableSet(agencies));
        return Map.copyOf(byNode);
    }

    private IncomingRequest incoming(VerifiedEnvelope envelope, InformationRequest information, String holderAgency,
            String subjectKey, JustificationUses.Fingerprints fingerprints, Instant now) {
        Set<AgencyId> senderAgencies = agenciesOf(envelope.senderNode());
        // The justification's recent uses and the agreements' revision in one statement.
        JustificationUses.UsesAndAgreements read = ledger.recentJustificationsWithAgreements(
                information.requester().agency().value(), fingerprints, subjectKey,
                now.minus(policy.justification().reuseWindow()));
        JustificationHistory history = new JustificationHistory(subjectKey, read.uses());
        Party holder = PolicyRequests.party(registry, holderAgency);
        return new IncomingRequest(information, senderAgencies, holder, records.agreementsAt(read.agreementsRevision()),
                history);
    }

    /**
     * The decision a reviewer of the holder agency makes final; approval never releases what the
     * rules withhold, nor a record other than the one judged when the request arrived.
     */
    Judgment decideAfterReview(Received received, VerifiedEnvelope request, ReviewVerdict verdict, Instant now) {
        Reconsidered again = reconsider(received, request, now);
        return again.judgment(engine.decideAfterReview(again.incoming(), again.facts(), again.judged(), verdict, now));
    }

    /**
     * The answer of a request that released data, decided again as the requester collects it:
     * consent, holds, country of origin, agreement and validity now; never more than was released.
     */
    Judgment decideAtCollection(Received received, VerifiedEnvelope request, Set<Category> released, Instant now) {
        Reconsidered again = reconsider(received, request, now);
        return again.judgment(engine.decideAtCollection(again.incoming(), again.facts(), again.judged(), released, now));
    }

    /**
     * A waiting request decided again now, as it stands before any review (for the reviewer's queue):
     * the stored envelope as received and the decision. The envelope is null if the stored request
     * cannot be read, the decision null if it or a record it names cannot be: such a request is
     * shown as unreadable, never as releasable.
     */
    record DecidedNow(Received received, VerifiedEnvelope envelope, Decision decision) {
    }

    /** A stored request read for {@link #decideNowAll}: what its decision needs besides the history and records. */
    private record Stored(Received received, VerifiedEnvelope envelope, InformationRequest information,
            Set<AgencyId> senderAgencies, Party holder, JustificationUses.Use use) {
    }

    /**
     * The stored requests decided again now, in order, as each stands before any review; {@code
     * subject_changed} for one whose record judged on arrival is no longer the one. The same decision
     * as one by one, read in a fixed number of statements however many requests there are: the
     * agreements once, the justification uses of all in one statement, their subjects, records and
     * consents in one each (docs/performance.md P7). The review's decision decides again on its own.
     */
    List<DecidedNow> decideNowAll(List<Received> waiting, Instant now) {
        List<Stored> stored = new ArrayList<>(waiting.size());
        for (Received received : waiting) {
            stored.add(stored(received));
        }
        List<Stored> readable = stored.stream().filter(Objects::nonNull).toList();
        List<List<RecentJustification>> uses = ledger.recentJustificationsAll(
                readable.stream().map(Stored::use).toList(), now.minus(policy.justification().reuseWindow()));
        var agreements = records.agreements();
        Map<Stored, Optional<List<Candidate>>> candidates = new IdentityHashMap<>();
        Map<String, List<Stored>> byHolder = new LinkedHashMap<>();
        readable.forEach(r -> byHolder.computeIfAbsent(r.received().holderAgency(), h -> new ArrayList<>())
                .add(r));
        byHolder.forEach((holderAgency, ofHolder) -> {
            List<Optional<List<Candidate>>> found = records.candidatesAll(holderAgency,
                    ofHolder.stream().map(r -> r.information().subject()).toList());
            for (int i = 0; i < ofHolder.size(); i++) {
                candidates.put(ofHolder.get(i), found.get(i));
            }
        });
        List<DecidedNow> decided = new ArrayList<>(waiting.size());
        for (int i = 0, used = 0; i < waiting.size(); i++) {
            Stored one = stored.get(i);
            if (one == null) {
                decided.add(new DecidedNow(waiting.get(i), null, null));
                continue;
            }
            JustificationHistory history = new JustificationHistory(one.use().subjectKey(), uses.get(used++));
            Optional<List<Candidate>> found = candidates.get(one);
            if (found.isEmpty()) {
                log.warn("record of a waiting request not readable requestId={} sender={}",
                        one.received().requestId(), one.received().senderNode());
                decided.add(new DecidedNow(one.received(), one.envelope(), null));
                continue;
            }
            IncomingRequest incoming = new IncomingRequest(one.information(), one.senderAgencies(), one.holder(),
                    agreements, history);
            Reconsidered again = new Reconsidered(incoming, found.get(), one.received().judged());
            Decision decision = again.judged() == JudgedRecord.CHANGED ? engine.subjectChanged()
                    : engine.decide(incoming, again.facts(), now);
            decided.add(new DecidedNow(one.received(), one.envelope(), decision));
        }
        return decided;
    }

    /** A stored request read as {@link #incoming} reads it; null if it cannot be read. */
    private Stored stored(Received received) {
        try {
            VerifiedEnvelope envelope = asReceived(received);
            JsonNode request = envelope.payload().get("request");
            InformationRequest information = information(envelope, received.requesterAgency(), request);
            String holderAgency = request.get("holderAgency").asString();
            Set<AgencyId> senderAgencies = agenciesOf(envelope.senderNode());
            // The subject's key and the justification's fingerprints as the ledger row kept them on
            // arrival, computed then from the envelope accepted; the review's own decision computes them
            // again from the envelope it authenticates.
            String subjectKey = received.subjectKey() != null ? received.subjectKey()
                    : PolicyRequests.subjectKey(holderAgency, request.get("subject"));
            JustificationUses.Fingerprints fingerprints = received.fingerprintsOnArrival()
                    .orElseGet(() -> JustificationUses.Fingerprints.of(information.justification()));
            return new Stored(received, envelope, information, senderAgencies,
                    PolicyRequests.party(registry, holderAgency),
                    new JustificationUses.Use(information.requester().agency().value(), fingerprints, subjectKey));
        } catch (RuntimeException e) {
            log.warn("stored request not readable requestId={} sender={}", received.requestId(), received.senderNode());
            return null;
        }
    }

    /**
     * A stored request with its subject resolved again. The record judged on arrival is still the
     * judged one only if the selector resolves to it alone, at the same version.
     */
    private record Reconsidered(IncomingRequest incoming, List<Candidate> candidates, RecordRef pinned) {

        JudgedRecord judged() {
            return pinned != null && candidates.size() == 1 && candidates.get(0).ref().equals(pinned)
                    ? JudgedRecord.UNCHANGED : JudgedRecord.CHANGED;
        }

        List<org.regionalexchange.policy.model.SubjectRecord> facts() {
            return candidates.stream().map(Candidate::facts).toList();
        }

        /** The new decision, bound to the record judged on arrival (what a changed record may not replace). */
        Judgment judgment(Decision decision) {
            return new Judgment(decision, pinned);
        }
    }

    /** {@code envelope} is the stored request envelope, authenticated once by the caller. */
    private Reconsidered reconsider(Received received, VerifiedEnvelope envelope, Instant now) {
        JsonNode request = envelope.payload().get("request");
        IncomingRequest incoming = incoming(envelope, received.requesterAgency(), request, now);
        List<Candidate> candidates = records.candidates(received.holderAgency(), incoming.request().subject());
        return new Reconsidered(incoming, candidates, received.judged());
    }

    /**
     * A stored request envelope as it was accepted on arrival, not verified again: the row was
     * written only after the envelope was authenticated, fresh and valid, in the same transaction
     * as the decision, and only the application writes it. Its digest must still be the stored
     * digest (else the row was changed after receipt: fail closed). For reading the review queue;
     * the review's decision and the collection authenticate the envelope again before releasing.
     */
    VerifiedEnvelope asReceived(Received received) {
        CompactJws jws = CompactJws.parse(received.requestJws());
        if (!jws.digest().equals(received.requestDigest())) {
            throw new IllegalStateException("stored request envelope does not match its digest");
        }
        ObjectNode payload = jws.payload();
        RegisteredNode sender = registry.node(received.senderNode()).orElseThrow();
        return new VerifiedEnvelope(jws.kid(), sender.id(), sender.country(), sender.organization(), received.jti(),
                Instant.ofEpochSecond(payload.path("iat").asLong()), payload, received.requestJws(),
                received.requestDigest());
    }

    private static Party nodeParty(RegisteredNode node) {
        return Party.of(node.country(), node.organization());
    }

    private VerifiedEnvelope authenticate(String compact) {
        try {
            return verifier.authenticate(compact, ExchangeMessages.REQUEST);
        } catch (EnvelopeRejectedException e) {
            log.warn("request envelope refused code={}", e.reason().code());
            exchangeLog.refused(null, e.reason().code());
            throw rejected(e.reason());
        }
    }

    /** Null if the envelope is within the clock window; else why not. */
    private EnvelopeRejectedException freshness(VerifiedEnvelope envelope, Instant now) {
        try {
            verifier.checkFresh(envelope, now);
            return null;
        } catch (EnvelopeRejectedException e) {
            return e;
        }
    }

    /**
     * The answer already given to this sender's {@code jti}: a retry of the same envelope gets it
     * again; another envelope under a used {@code jti} is a replay.
     */
    private Optional<String> earlierAnswer(VerifiedEnvelope envelope) {
        Optional<Received> known = ledger.byJti(envelope.senderNode(), envelope.jti());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (!known.get().requestDigest().equals(envelope.digest())) {
            log.warn("request envelope refused code=envelope_replayed sender={}", envelope.senderNode());
            exchangeLog.refused(envelope.senderNode(), EnvelopeRejectedException.Reason.REPLAYED.code());
            throw rejected(EnvelopeRejectedException.Reason.REPLAYED);
        }
        log.info("request retried requestId={} sender={}", known.get().requestId(), envelope.senderNode());
        Received stored = known.get();
        transactions.executeWithoutResult(status -> exchangeLog.retried(peerOfficer(envelope), stored.requesterAgency(),
                stored.subjectRecordId(), stored.outcome(),
                exchangeLog.holderSide(envelope, stored.holderAgency(), stored.responseJws())));
        metrics.retried(stored.outcome());
        return Optional.of(known.get().responseJws());
    }

    static ApiException rejected(EnvelopeRejectedException.Reason reason) {
        return new ApiException(ErrorCode.valueOf("ENVELOPE_" + reason.name()), "The envelope was refused ("
                + reason.code() + ").");
    }
}
