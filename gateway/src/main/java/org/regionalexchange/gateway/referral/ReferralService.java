package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.ReferralGuide;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.error.ProblemReason;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.screening.Screenings;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.security.Role;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralConsent;
import org.regionalexchange.policy.referral.ReferralDecision;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ReferralReasonCode;
import org.regionalexchange.policy.referral.ReferralRequest;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends referrals of the caller's agency and moves them through their lifecycle. The policy's
 * referral rules decide every referral before anything is stored; a refusal is logged with every
 * reason and answered 422. Every send, refusal, read, listing and step is in the access log in the
 * same transaction, with the basis of the referral (consent or a child's best interest).
 */
@Service
class ReferralService {

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final ReferralEngine engine;
    private final ReferralGuide guide;
    private final Screenings screenings;
    private final SubjectRecords records;
    private final java.time.Clock clock;
    private final ReferralDeliveries deliveries;
    private final ReferralMetrics metrics;

    ReferralService(EntityManager em, AccessLog accessLog, NodeProperties node, ReferralEngine engine,
            ReferralGuide guide, Screenings screenings, SubjectRecords records, java.time.Clock clock,
            ReferralDeliveries deliveries, ReferralMetrics metrics) {
        this.metrics = metrics;
        this.clock = clock;
        this.deliveries = deliveries;
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.engine = engine;
        this.guide = guide;
        this.screenings = screenings;
        this.records = records;
    }

    /** The person, and the data a referral of these categories would carry. */
    private record Source(ReferredPerson person, ObjectNode carried) {
    }

    @Transactional(noRollbackFor = ApiException.class)
    ObjectNode send(Officer sender, JsonNode body) {
        Instant now = clock.instant();
        Set<ReferralCategory> categories = EnumSet.noneOf(ReferralCategory.class);
        body.get("categories").forEach(c -> categories.add(ReferralCategory.parse(c.asString())));
        ReferralType type = ReferralType.parse(body.get("type").asString());
        String toAgency = body.get("toAgency").asString();
        DirectoryAgency receiver = guide.agency(toAgency).orElseThrow(() -> new ApiException(ErrorCode.INVALID_VALUE,
                "The receiving agency is not in the participant registry.",
                List.of(new FieldError("toAgency", "no such agency in the registry"))));
        Optional<ReferralConsent> consent = consent(body.get("consent"));
        Optional<String> bestInterest = text(body.get("bestInterestReason"));
        UUID screeningId = uuid(body, "screeningId");
        UUID recordId = uuid(body, "recordId");
        Source source = screeningId != null ? fromScreening(sender, screeningId, categories)
                : fromRecord(sender, recordId, categories, now);
        UUID subject = screeningId != null ? screeningId : recordId;
        ReferralDecision decision = engine.decide(new ReferralRequest(source.person(), receiver, type, categories,
                consent, bestInterest), now);
        if (!decision.isReferred()) {
            List<String> codes = decision.reasons().stream().map(ReferralReasonCode::code).toList();
            log(sender, AccessAction.REFERRAL_REFUSED, subject, AccessEvent.REFUSED, codes);
            throw refused(decision);
        }
        String receiverNode = guide.nodeOf(toAgency).orElseThrow();
        String basis = decision.basis().orElseThrow().name();
        Referral referral = new Referral(UUID.randomUUID(), new Referral.Sent(sender.agency(), sender.subject(), toAgency,
                receiverNode, screeningId, recordId, type.name(), categories, new ReferralBasis(basis,
                        consent.isPresent() ? body.get("consent") : null, bestInterest.orElse(null)),
                text(body.get("note")).orElse(null), decision.priority().name(), source.carried()), now);
        em.persist(referral);
        em.persist(new ReferralStep(referral.id(), ReferralStatus.SENT, now, sender.subject(), sender.agency(), null,
                null));
        em.flush();
        if (deliveries.isOutgoingAcrossNodes(referral)) {
            // To another node: a signed envelope, queued in this transaction and delivered by the courier.
            deliveries.referralSent(referral, source.person(), now);
        }
        log(sender, AccessAction.REFERRAL_SENT, referral.id(), AccessEvent.OK, List.of(basisCode(basis)));
        metrics.step(referral.type(), ReferralStatus.SENT);
        return deliveries.describe(referral, ReferralView.sent(referral));
    }

    @Transactional(noRollbackFor = ApiException.class)
    ObjectNode read(Officer officer, UUID id) {
        Referral referral = visible(officer, id);
        log(officer, AccessAction.REFERRAL_READ, id, AccessEvent.OK, List.of(sideCode(officer, referral)));
        return deliveries.describe(referral, ReferralView.full(referral, steps(id), isSender(officer, referral)));
    }

    /** The order of a list of referrals. */
    enum ListOrder {
        /** Newest first, as the API lists them. */
        NEWEST_FIRST(" order by r.createdAt desc, r.id"),
        /**
         * The receiving office's inbox: what waits for its acknowledgement first, the urgent before
         * the rest, then everything else; newest first within each.
         */
        INBOX(" order by case when r.status = :waiting and r.priority = 'URGENT' then 0"
                + " when r.status = :waiting then 1 else 2 end, r.createdAt desc, r.id");

        private final String clause;

        ListOrder(String clause) {
            this.clause = clause;
        }
    }

    @Transactional
    ObjectNode list(Officer officer, String direction, ReferralStatus status, int page, int size) {
        return list(officer, direction, status, page, size, ListOrder.NEWEST_FIRST);
    }

    @Transactional
    ObjectNode list(Officer officer, String direction, ReferralStatus status, int page, int size, ListOrder order) {
        String column = direction.equals("incoming") ? "r.receiverAgency" : "r.senderAgency";
        String where = " where " + column + " = :agency" + (status == null ? "" : " and r.status = :status");
        var query = em.createQuery("select r from Referral r" + where + order.clause, Referral.class)
                .setParameter("agency", officer.agency());
        if (order == ListOrder.INBOX) {
            query.setParameter("waiting", ReferralStatus.SENT);
        }
        var count = em.createQuery("select count(r) from Referral r" + where, Long.class)
                .setParameter("agency", officer.agency());
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<Referral> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        log(officer, AccessAction.REFERRALS_LISTED, null, AccessEvent.OK, List.of(direction));
        // Each with its delivery, as one referral shows it (sent: arrived, or waiting for the courier), read in one statement.
        return ReferralView.page(deliveries.describeAll(found, ReferralView::summary), page, size, count.getSingleResult());
    }

    /** A step of the lifecycle: the receiver's registrar acknowledges, accepts, declines or completes; the sender revokes. */
    @Transactional(noRollbackFor = ApiException.class)
    ObjectNode step(Officer officer, UUID id, ReferralStatus next, JsonNode body) {
        Referral referral = visible(officer, id);
        // Locked: a step of the other node, or a consent withdrawal, on the same referral waits for this one.
        em.refresh(referral, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean bySender = next == ReferralStatus.REVOKED;
        if (bySender ? !isSender(officer, referral) : !isReceiver(officer, referral)) {
            log(officer, AccessAction.ACCESS_REFUSED, id, AccessEvent.REFUSED,
                    List.of(bySender ? "not_the_sender" : "not_the_receiver"));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such referral " + (bySender ? "sent by" : "received by")
                    + " your agency.");
        }
        if (!bySender && !officer.has(Role.REGISTRAR)) {
            throw new ApiException(ErrorCode.ROLE_NOT_PERMITTED, "A registrar of the receiving agency takes this step.");
        }
        String reason = text(body.get(next == ReferralStatus.COMPLETED ? "reasonNotSuccessful" : "reason")).orElse(null);
        Boolean successful = body.has("successful") ? body.get("successful").asBoolean() : null;
        checkStep(next, reason, successful);
        if (!referral.status().mayBecome(next)) {
            throw new ApiException(ErrorCode.CONFLICT, "A referral that is " + referral.status() + " cannot become "
                    + next + ".");
        }
        Instant now = clock.instant();
        referral.moveTo(next, now);
        ReferralStep step = new ReferralStep(id, next, now, officer.subject(), officer.agency(), reason, successful);
        em.persist(step);
        em.flush();
        deliveries.stepTaken(referral, step, now);
        log(officer, AccessAction.REFERRAL_STATUS_CHANGED, id, AccessEvent.OK,
                List.of(next.name().toLowerCase(Locale.ROOT)));
        metrics.step(referral.type(), next);
        return deliveries.describe(referral, ReferralView.full(referral, steps(id), isSender(officer, referral)));
    }

    private static void checkStep(ReferralStatus next, String reason, Boolean successful) {
        List<FieldError> errors = new ArrayList<>();
        if ((next == ReferralStatus.DECLINED || next == ReferralStatus.REVOKED) && reason == null) {
            errors.add(new FieldError("reason", "required to " + (next == ReferralStatus.DECLINED ? "decline" : "revoke")));
        }
        if (next == ReferralStatus.COMPLETED) {
            if (successful == null) {
                errors.add(new FieldError("successful", "required to complete"));
            } else if (!successful && reason == null) {
                errors.add(new FieldError("reasonNotSuccessful", "required when not successful"));
            } else if (successful && reason != null) {
                errors.add(new FieldError("reasonNotSuccessful", "only when not successful"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "This step needs other fields.", errors);
        }
    }

    private Source fromScreening(Officer sender, UUID screeningId, Set<ReferralCategory> categories) {
        Screenings.Interview interview = screenings.ofAgency(sender.agency(), screeningId).orElseThrow(() -> {
            log(sender, AccessAction.ACCESS_REFUSED, screeningId, AccessEvent.REFUSED, List.of("no_such_screening"));
            return new ApiException(ErrorCode.NOT_FOUND, "No such screening of your agency.");
        });
        return new Source(engine.screenedPerson(interview.answers(), interview.interviewedAt()),
                interview.carried(categories));
    }

    private Source fromRecord(Officer sender, UUID recordId, Set<ReferralCategory> categories, Instant now) {
        records.requireHeldBy(sender, recordId);
        ReferredPerson person = engine.recordedPerson(records.forPolicy(recordId, List.of()), now);
        Set<Category> recordCategories = EnumSet.noneOf(Category.class);
        categories.forEach(c -> c.recordCategory().ifPresent(recordCategories::add));
        ObjectNode data = records.forLiaison(recordId, recordCategories).orElseThrow(() -> {
            log(sender, AccessAction.REFERRAL_REFUSED, recordId, AccessEvent.REFUSED, List.of("protection_hold"));
            return new ApiException(ErrorCode.REFERRAL_REFUSED, "The referral was not sent.", List.of(),
                    List.of(new ProblemReason("protection_hold", "The record is under a protection hold;"
                            + " nothing of it leaves the agency.")));
        });
        // The same member names as a record's own (identity, caseStatus, claim, ...).
        ObjectNode carried = data.objectNode();
        data.path("categories").properties().forEach(category -> carried.set(memberName(category.getKey()),
                category.getValue()));
        return new Source(person, carried);
    }

    private static String memberName(String category) {
        String lower = category.toLowerCase(Locale.ROOT);
        int underscore = lower.indexOf('_');
        return underscore < 0 ? lower : lower.substring(0, underscore)
                + Character.toUpperCase(lower.charAt(underscore + 1)) + lower.substring(underscore + 2);
    }

    private static ApiException refused(ReferralDecision decision) {
        List<ProblemReason> reasons = decision.reasons().stream()
                .map(r -> new ProblemReason(r.code(), r.message())).toList();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<ReferralCategory, ReferralReasonCode> entry : decision.categoryReasons().entrySet()) {
            errors.add(new FieldError("categories", entry.getKey().name() + ": " + entry.getValue().code()));
        }
        return new ApiException(ErrorCode.REFERRAL_REFUSED, "The referral rules refuse this referral; nothing was"
                + " stored or sent.", errors, reasons);
    }

    /** The referral if the officer's agency sent or received it; otherwise the refusal is logged and 404 thrown. */
    private Referral visible(Officer officer, UUID id) {
        Referral referral = em.find(Referral.class, id);
        if (referral == null || !(isSender(officer, referral) || isReceiver(officer, referral))) {
            log(officer, AccessAction.ACCESS_REFUSED, id, AccessEvent.REFUSED,
                    List.of(referral == null ? "no_such_referral" : "referral_of_other_agency"));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such referral of your agency.");
        }
        return referral;
    }

    private List<ReferralStep> steps(UUID id) {
        return em.createQuery("select s from ReferralStep s where s.referralId = :id order by s.id", ReferralStep.class)
                .setParameter("id", id).getResultList();
    }

    private static boolean isSender(Officer officer, Referral referral) {
        return referral.senderAgency().equals(officer.agency());
    }

    private static boolean isReceiver(Officer officer, Referral referral) {
        return referral.receiverAgency().equals(officer.agency());
    }

    private static String sideCode(Officer officer, Referral referral) {
        return isSender(officer, referral) ? "sender" : "receiver";
    }

    private static String basisCode(String basis) {
        return "basis_" + basis.toLowerCase(Locale.ROOT);
    }

    private static Optional<ReferralConsent> consent(JsonNode consent) {
        if (consent == null || consent.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new ReferralConsent(ConsentGiver.valueOf(consent.get("givenBy").asString()),
                consent.get("informedInLanguage").asString(), consent.get("interpreterPresent").asBoolean(),
                text(consent.get("evidenceRef"))));
    }

    private static Optional<String> text(JsonNode value) {
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static UUID uuid(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "Not an id.", List.of(new FieldError(field, "not a UUID")));
        }
    }

    private void log(Officer officer, AccessAction action, UUID id, String outcome, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action, id,
                outcome, reasons));
    }
}
