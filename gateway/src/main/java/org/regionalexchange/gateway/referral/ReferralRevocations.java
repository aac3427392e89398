package org.regionalexchange.gateway.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.consent.ConsentWithdrawn;
import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.ReferralGuide;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.screening.Screenings;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.policy.model.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consent withdrawn revokes every open referral it covered (docs/design.md §11), in the
 * withdrawing transaction: a record's consent (the consent feature announces it with
 * {@link ConsentWithdrawn}) covers the open consent-based referrals of that record to a recipient
 * it named (the agency, its organization or its country); the consent given at a screening covers
 * every open consent-based referral of that screening. A revocation for another node is queued at
 * once and the courier woken; until it is delivered, this node serves nothing more of it. The
 * referrals are locked, so a step arriving from the other node at the same moment waits.
 */
@Component
class ReferralRevocations {

    private static final Logger log = LoggerFactory.getLogger(ReferralRevocations.class);
    private static final List<ReferralStatus> OPEN = List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED,
            ReferralStatus.ACCEPTED);

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final ReferralDeliveries deliveries;
    private final ParticipantRegistry registry;
    private final ReferralGuide guide;
    private final Screenings screenings;
    private final Clock clock;

    ReferralRevocations(EntityManager em, AccessLog accessLog, NodeProperties node, ReferralDeliveries deliveries,
            ParticipantRegistry registry, ReferralGuide guide, Screenings screenings, Clock clock) {
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.deliveries = deliveries;
        this.registry = registry;
        this.guide = guide;
        this.screenings = screenings;
        this.clock = clock;
    }

    @EventListener
    void consentWithdrawn(ConsentWithdrawn withdrawn) {
        List<Referral> open = em.createQuery("select r from Referral r where r.recordId = :record and r.senderAgency"
                + " = :agency and r.basis.name = 'CONSENT' and r.status in :open order by r.createdAt", Referral.class)
                .setParameter("record", withdrawn.recordId()).setParameter("agency", withdrawn.agency())
                .setParameter("open", OPEN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Referral referral : open) {
            if (withdrawn.recipients().stream().anyMatch(r -> names(r, referral.receiverAgency()))) {
                revoke(referral, withdrawn.officer(), withdrawn.agency(), "The person withdrew the consent it rested on.");
            }
        }
    }

    /** The screening's consent withdrawn: its open consent-based referrals revoked; their ids. */
    @Transactional(noRollbackFor = ApiException.class)
    List<UUID> screeningConsentWithdrawn(Officer officer, UUID screeningId, String reason) {
        if (screenings.ofAgency(officer.agency(), screeningId).isEmpty()) {
            accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(),
                    AccessAction.ACCESS_REFUSED, screeningId, AccessEvent.REFUSED, List.of("no_such_screening")));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such screening of your agency.");
        }
        List<Referral> open = em.createQuery("select r from Referral r where r.screeningId = :screening and"
                + " r.senderAgency = :agency and r.basis.name = 'CONSENT' and r.status in :open order by r.createdAt",
                Referral.class).setParameter("screening", screeningId).setParameter("agency", officer.agency())
                .setParameter("open", OPEN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<UUID> revoked = new ArrayList<>();
        for (Referral referral : open) {
            revoke(referral, officer.subject(), officer.agency(), reason);
            revoked.add(referral.id());
        }
        return revoked;
    }

    private void revoke(Referral referral, String actor, String agency, String reason) {
        Instant now = clock.instant();
        referral.moveTo(ReferralStatus.REVOKED, now);
        ReferralStep step = new ReferralStep(referral.id(), ReferralStatus.REVOKED, now, actor, agency, reason, null);
        em.persist(step);
        em.flush();
        accessLog.append(new AccessEvent(now, actor, agency, node.id(), AccessAction.REFERRAL_STATUS_CHANGED,
                referral.id(), AccessEvent.OK, List.of(ReferralStatus.REVOKED.name().toLowerCase(Locale.ROOT),
                        "consent_withdrawn")));
        deliveries.stepTaken(referral, step, now);
        log.info("referral revoked on consent withdrawal referral={} agency={}", referral.id(), agency);
    }

    /** Whether a consent's recipient names the receiving agency: itself, its organization or its country. */
    private boolean names(ConsentWithdrawn.Recipient recipient, String receiverAgency) {
        return switch (recipient.kind()) {
            case "agency" -> recipient.value().equals(receiverAgency);
            case "organization" -> registry.agency(receiverAgency).map(Agency::organization)
                    .map(recipient.value()::equals).orElse(false);
            case "country" -> guide.agency(receiverAgency).flatMap(a -> a.country()).map(CountryCode::value)
                    .map(recipient.value()::equals).orElse(false);
            default -> false;
        };
    }
}
