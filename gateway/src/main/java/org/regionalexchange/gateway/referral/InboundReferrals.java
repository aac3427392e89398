package org.regionalexchange.gateway.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.ReferralGuide;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.error.ProblemReason;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralConsent;
import org.regionalexchange.policy.referral.ReferralDecision;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ReferralReasonCode;
import org.regionalexchange.policy.referral.ReferralRequest;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiving side of referrals between nodes ({@code POST /exchange/v1/referrals} and
 * {@code .../{id}/steps}): verifies the envelope (key, signature, issuer, audience = this node,
 * type, time), refuses a replayed {@code jti}, judges the referral again by this node's own copy of
 * the hard rules (never to a country of origin, consent or a child's best interest, the receiver's
 * function), stores it once with its envelope, logs it and answers with a signed receipt bound to
 * the envelope's digest. A message that arrives again in a new envelope is answered as already
 * received and stored nowhere twice.
 */
@Service
class InboundReferrals {

    private static final Logger log = LoggerFactory.getLogger(InboundReferrals.class);
    private static final Set<ReferralStatus> RECEIVER_STEPS = Set.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
            ReferralStatus.DECLINED, ReferralStatus.COMPLETED);

    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final ReferralGuide guide;
    private final ReferralEngine engine;
    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final TransactionTemplate transactions;
    /** For refusals: logged in a transaction of their own, which the refused change's rollback leaves alone. */
    private final TransactionTemplate separately;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboundReferrals(EnvelopeVerifier verifier, EnvelopeSigner signer, ReferralGuide guide, ReferralEngine engine,
            EntityManager em, AccessLog accessLog, NodeProperties node, TransactionTemplate transactions,
            DataSource dataSource, Clock clock) {
        this.verifier = verifier;
        this.signer = signer;
        this.guide = guide;
        this.engine = engine;
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.transactions = transactions;
        this.separately = new TransactionTemplate(transactions.getTransactionManager());
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** A referral sent by another node to an agency of this one; the signed receipt. */
    String referral(String compact) {
        VerifiedEnvelope envelope = verified(compact, ReferralMessages.REFERRAL);
        ObjectNode claims = envelope.payload();
        ReferralMessages.requirePrintable(claims);
        UUID messageId = ReferralMessages.uuid(claims, "messageId");
        UUID referralId = ReferralMessages.uuid(claims, "referralId");
        return once(envelope, messageId, referralId, ReferralOutbox.REFERRAL, () -> store(envelope, claims, referralId));
    }

    /** A step of a referral shared with the envelope's node; the signed receipt. */
    String step(UUID pathId, String compact) {
        VerifiedEnvelope envelope = verified(compact, ReferralMessages.STEP);
        ObjectNode claims = envelope.payload();
        ReferralMessages.requirePrintable(claims);
        UUID messageId = ReferralMessages.uuid(claims, "messageId");
        UUID referralId = ReferralMessages.uuid(claims, "referralId");
        if (!referralId.equals(pathId)) {
            refuse(envelope, null, referralId, List.of("referral_id_not_bound"));
            throw ReferralMessages.invalid("referralId", "not the referral of the path");
        }
        return once(envelope, messageId, referralId, ReferralOutbox.STEP, () -> apply(envelope, claims, referralId));
    }

    /**
     * Runs {@code change} and stores the envelope, in one transaction, unless this message was
     * stored before: then only the envelope is kept and the receipt says so.
     */
    private String once(VerifiedEnvelope envelope, UUID messageId, UUID referralId, String kind,
            java.util.function.Supplier<ReferralStatus> change) {
        try {
            return transactions.execute(status -> {
                Instant now = clock.instant();
                boolean known = Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from referral_inbox"
                        + " where sender_node = ? and message_id = ? and outcome = 'STORED')", Boolean.class,
                        envelope.senderNode(), messageId));
                String outcome = known ? ReferralMessages.ALREADY_RECEIVED : ReferralMessages.STORED;
                ReferralStatus current = known ? currentStatus(referralId) : change.get();
                String receipt = signer.sign(ReferralMessages.RECEIPT, envelope.senderNode(),
                        ReferralMessages.receipt(messageId, referralId, envelope.digest(), outcome, current), now);
                jdbc.update("""
                        insert into referral_inbox (sender_node, jti, message_id, referral_id, kind, outcome, digest,
                            envelope, receipt, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        envelope.senderNode(), envelope.jti(), messageId, referralId, kind, outcome, envelope.digest(),
                        envelope.compact(), receipt, Timestamp.from(now));
                if (known) {
                    log.info("referral message received again referral={} kind={} node={}", referralId, kind,
                            envelope.senderNode());
                }
                return receipt;
            });
        } catch (DataIntegrityViolationException e) {
            // The same jti at once from two connections, or the same message twice at once: the first wins.
            refuse(envelope, null, referralId, List.of(EnvelopeRejectedException.Reason.REPLAYED.code()));
            throw new ApiException(ErrorCode.ENVELOPE_REPLAYED, "The envelope was refused (envelope_replayed).");
        }
    }

    private ReferralStatus currentStatus(UUID referralId) {
        Referral referral = em.find(Referral.class, referralId);
        return referral == null ? ReferralStatus.SENT : referral.status();
    }

    private ReferralStatus store(VerifiedEnvelope envelope, ObjectNode claims, UUID referralId) {
        Instant now = clock.instant();
        String senderAgency = ReferralMessages.required(claims, "senderAgency", 40);
        String receiverAgency = ReferralMessages.required(claims, "receiverAgency", 40);
        List<String> problems = new ArrayList<>();
        if (!guide.nodeOf(senderAgency).map(envelope.senderNode()::equals).orElse(false)) {
            problems.add("sender_not_of_signing_node");
        }
        Optional<DirectoryAgency> receiver = guide.agency(receiverAgency)
                .filter(a -> guide.nodeOf(receiverAgency).map(node.id()::equals).orElse(false));
        if (receiver.isEmpty()) {
            problems.add("receiver_not_of_this_node");
        }
        if (!problems.isEmpty()) {
            refuse(envelope, receiver.isPresent() ? receiverAgency : null, referralId, problems);
            throw new ApiException(ErrorCode.REFERRAL_REFUSED, "This node does not receive this referral.", List.of(),
                    problems.stream().map(p -> new ProblemReason(p, p.equals("receiver_not_of_this_node")
                            ? "The receiving agency is not served by this node."
                            : "The sending agency is not an agency of the node that signed.")).toList());
        }
        ReferralType type = ReferralMessages.type(claims);
        Set<ReferralCategory> categories = ReferralMessages.categories(claims);
        Optional<ReferralConsent> consent = ReferralMessages.consent(claims.get("consent"));
        Optional<String> bestInterest = ReferralMessages.optional(claims, "bestInterestReason");
        ReferredPerson person = ReferralMessages.parsePerson(claims.get("person"));
        JsonNode data = claims.get("data");
        if (data == null || !data.isObject()) {
            throw ReferralMessages.invalid("data", "missing");
        }
        ReferralDecision decision;
        try {
            decision = engine.decide(new ReferralRequest(person, receiver.get(), type, categories, consent, bestInterest),
                    now);
        } catch (IllegalArgumentException e) {
            throw ReferralMessages.invalid("bestInterestReason", "not a referral the rules can judge");
        }
        String basis = ReferralMessages.required(claims, "basis", 30);
        if (!decision.isReferred() || !decision.basis().orElseThrow().name().equals(basis)) {
            List<String> codes = decision.isReferred() ? List.of("basis_not_as_sent")
                    : decision.reasons().stream().map(ReferralReasonCode::code).toList();
            refuse(envelope, receiverAgency, referralId, codes);
            log.warn("referral from node refused node={} referral={} codes={}", envelope.senderNode(), referralId, codes);
            throw refused(decision, codes);
        }
        if (em.find(Referral.class, referralId) != null) {
            refuse(envelope, receiverAgency, referralId, List.of("referral_id_in_use"));
            throw new ApiException(ErrorCode.CONFLICT, "A referral with this id is already held here.");
        }
        Instant sentAt = ReferralMessages.instant(claims, "sentAt");
        String sentBy = ReferralMessages.required(claims, "sentBy", 200);
        Referral referral = Referral.received(referralId, new Referral.Sent(senderAgency, sentBy, receiverAgency,
                node.id(), null, null, type.name(), categories, new ReferralBasis(basis,
                        consent.isPresent() ? claims.get("consent") : null, bestInterest.orElse(null)),
                ReferralMessages.optional(claims, "note").orElse(null),
                decision.priority().name(), data), envelope.senderNode(), sentAt, now);
        em.persist(referral);
        em.persist(new ReferralStep(referralId, ReferralStatus.SENT, sentAt, sentBy, senderAgency, null, null));
        em.flush();
        accessLog.append(new AccessEvent(now, "node:" + envelope.senderNode() + "/" + sentBy, receiverAgency, node.id(),
                AccessAction.REFERRAL_RECEIVED_FROM_NODE, referralId, AccessEvent.OK,
                List.of("basis_" + basis.toLowerCase(Locale.ROOT))));
        log.info("referral received from node node={} referral={} receiverAgency={}", envelope.senderNode(), referralId,
                receiverAgency);
        return referral.status();
    }

    private ReferralStatus apply(VerifiedEnvelope envelope, ObjectNode claims, UUID referralId) {
        ReferralStatus status;
        try {
            status = ReferralStatus.valueOf(ReferralMessages.required(claims, "status"));
        } catch (IllegalArgumentException e) {
            throw ReferralMessages.invalid("status", "unknown status");
        }
        String agency = ReferralMessages.required(claims, "agency", 40);
        Referral referral = em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        // The sender's node revokes a referral this node received; the receiver's node moves one sent from here.
        boolean shared = referral != null && (referral.senderNode() != null
                ? referral.senderNode().equals(envelope.senderNode()) && status == ReferralStatus.REVOKED
                        && agency.equals(referral.senderAgency())
                : referral.receiverNode().equals(envelope.senderNode()) && RECEIVER_STEPS.contains(status)
                        && agency.equals(referral.receiverAgency()));
        if (!shared) {
            refuse(envelope, null, referralId, List.of("no_such_referral_of_node"));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such referral shared with your node.");
        }
        String reason = ReferralMessages.optional(claims, status == ReferralStatus.COMPLETED ? "reasonNotSuccessful"
                : "reason").or(() -> ReferralMessages.optional(claims, "reason")).orElse(null);
        JsonNode successful = claims.get("successful");
        if (successful != null && !successful.isBoolean()) {
            throw ReferralMessages.invalid("successful", "not a boolean");
        }
        if (!referral.status().mayBecome(status)) {
            refuse(envelope, null, referralId, List.of("step_out_of_order"));
            throw new ApiException(ErrorCode.CONFLICT, "A referral that is " + referral.status() + " cannot become "
                    + status + ".");
        }
        Instant now = clock.instant();
        String actor = ReferralMessages.required(claims, "actor", 200);
        referral.moveTo(status, now);
        em.persist(new ReferralStep(referralId, status, ReferralMessages.instant(claims, "at"), actor, agency, reason,
                successful == null ? null : successful.asBoolean()));
        em.flush();
        String localAgency = referral.senderNode() != null ? referral.receiverAgency() : referral.senderAgency();
        accessLog.append(new AccessEvent(now, "node:" + envelope.senderNode() + "/" + actor, localAgency, node.id(),
                AccessAction.REFERRAL_STATUS_CHANGED, referralId, AccessEvent.OK,
                List.of(status.name().toLowerCase(Locale.ROOT), "from_other_node")));
        log.info("referral step received node={} referral={} status={}", envelope.senderNode(), referralId, status);
        return status;
    }

    private VerifiedEnvelope verified(String compact, String type) {
        VerifiedEnvelope envelope;
        try {
            envelope = verifier.verify(compact, type, clock.instant());
        } catch (EnvelopeRejectedException e) {
            log.warn("referral envelope refused code={}", e.reason().code());
            separately.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(), "node:unknown",
                    null, node.id(), AccessAction.ENVELOPE_REFUSED, null, AccessEvent.REFUSED,
                    List.of(e.reason().code()))));
            throw new ApiException(ErrorCode.valueOf("ENVELOPE_" + e.reason().name()), "The envelope was refused ("
                    + e.reason().code() + ").");
        }
        Boolean replayed = jdbc.queryForObject("select exists (select 1 from referral_inbox where sender_node = ? and"
                + " jti = ?)", Boolean.class, envelope.senderNode(), envelope.jti());
        if (Boolean.TRUE.equals(replayed)) {
            log.warn("referral envelope refused code=envelope_replayed node={}", envelope.senderNode());
            refuse(envelope, null, null, List.of(EnvelopeRejectedException.Reason.REPLAYED.code()));
            throw new ApiException(ErrorCode.ENVELOPE_REPLAYED, "The envelope was refused (envelope_replayed).");
        }
        return envelope;
    }

    /** Logs a refused envelope of a peer, in a transaction of its own (the refusal rolls back the rest). */
    private void refuse(VerifiedEnvelope envelope, String agency, UUID referralId, List<String> codes) {
        separately.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(),
                "node:" + envelope.senderNode(), agency, node.id(),
                referralId == null || codes.contains(EnvelopeRejectedException.Reason.REPLAYED.code())
                        ? AccessAction.ENVELOPE_REFUSED : AccessAction.REFERRAL_REFUSED,
                referralId, AccessEvent.REFUSED, codes)));
    }

    private static ApiException refused(ReferralDecision decision, List<String> codes) {
        List<ProblemReason> reasons = decision.isReferred()
                ? List.of(new ProblemReason("basis_not_as_sent", "This node's rules give another basis than the sender's."))
                : decision.reasons().stream().map(r -> new ProblemReason(r.code(), r.message())).toList();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<ReferralCategory, ReferralReasonCode> entry : decision.categoryReasons().entrySet()) {
            errors.add(new FieldError("categories", entry.getKey().name() + ": " + entry.getValue().code()));
        }
        return new ApiException(ErrorCode.REFERRAL_REFUSED, "This node's referral rules refuse this referral; nothing"
                + " was stored.", errors, reasons);
    }
}
