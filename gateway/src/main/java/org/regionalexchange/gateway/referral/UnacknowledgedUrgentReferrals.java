package org.regionalexchange.gateway.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.Alert;
import org.regionalexchange.gateway.audit.AlertSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * docs/design.md §11: an URGENT referral that the receiving agency has not acknowledged within
 * its deadline ({@code gateway.referral.urgent-acknowledgement}, default 4 hours) raises an alert
 * for the sending agency, one per agency with how many wait and since when.
 */
@Component
class UnacknowledgedUrgentReferrals implements AlertSource {

    static final String TYPE = "URGENT_REFERRAL_NOT_ACKNOWLEDGED";

    private final EntityManager em;
    private final Duration deadline;
    private final Clock clock;

    UnacknowledgedUrgentReferrals(EntityManager em,
            @Value("${gateway.referral.urgent-acknowledgement:PT4H}") Duration deadline, Clock clock) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("gateway.referral.urgent-acknowledgement must be positive");
        }
        this.em = em;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Alert> alerts(Instant since) {
        Instant overdueBefore = clock.instant().minus(deadline);
        List<Object[]> rows = em.createQuery("select r.senderAgency, count(r), min(r.createdAt), max(r.createdAt)"
                        + " from Referral r where r.priority = 'URGENT' and r.status = :sent and r.createdAt <= :overdue"
                        // Sent from here: a referral received from another node alerts its sender's node.
                        + " and r.senderNode is null"
                        + " and r.createdAt >= :since group by r.senderAgency order by r.senderAgency", Object[].class)
                .setParameter("sent", ReferralStatus.SENT)
                .setParameter("overdue", overdueBefore)
                .setParameter("since", since.minus(deadline))
                .getResultList();
        List<Alert> alerts = new ArrayList<>();
        for (Object[] row : rows) {
            alerts.add(new Alert(TYPE, null, (String) row[0], "REFERRAL_SENT", null, null, null, null, null,
                    (Long) row[1], (int) deadline.toMinutes(), (Instant) row[2], (Instant) row[3], null));
        }
        return alerts;
    }
}
