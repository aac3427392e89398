package org.regionalexchange.gateway.referral;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.printout.PrintLanguage;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printed referral slip, for the sending or the receiving agency only; every slip is a read
 * of the referral in the access log ({@code REFERRAL_READ}, reason codes the side and
 * {@code slip}). A revoked referral has no slip: it no longer sends the person anywhere.
 */
@Service
class ReferralSlips {

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final ParticipantRegistry registry;
    private final Clock clock;

    ReferralSlips(EntityManager em, AccessLog accessLog, NodeProperties node, ParticipantRegistry registry, Clock clock) {
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.registry = registry;
        this.clock = clock;
    }

    /** The slip's page (XHTML) in {@code language}. */
    @Transactional(noRollbackFor = ApiException.class)
    String page(Officer officer, UUID id, PrintLanguage language) {
        Referral referral = em.find(Referral.class, id);
        boolean sender = referral != null && referral.senderAgency().equals(officer.agency());
        boolean receiver = referral != null && referral.receiverAgency().equals(officer.agency());
        if (!sender && !receiver) {
            log(officer, AccessAction.ACCESS_REFUSED, id, AccessEvent.REFUSED,
                    List.of(referral == null ? "no_such_referral" : "referral_of_other_agency"));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such referral of your agency.");
        }
        if (referral.status() == ReferralStatus.REVOKED) {
            throw new ApiException(ErrorCode.CONFLICT, "A revoked referral has no slip.");
        }
        Agency from = registry.agency(referral.senderAgency()).orElse(null);
        Agency to = registry.agency(referral.receiverAgency()).orElseThrow(
                () -> new IllegalStateException("receiving agency of " + referral + " is not in the registry"));
        log(officer, AccessAction.REFERRAL_READ, id, AccessEvent.OK, List.of(sender ? "sender" : "receiver", "slip"));
        return ReferralSlip.page(referral, from, to, language);
    }

    private void log(Officer officer, AccessAction action, UUID id, String outcome, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action, id,
                outcome, reasons));
    }
}
