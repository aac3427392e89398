package org.regionalexchange.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * Claim, family, contact and specific-needs data leave only under a consent that names the requester, the
 * purpose and the category and is in force (seed 000 §8.5: "Information provided in an asylum claim should
 * not be shared with other parties either, without the consent of the asylum seeker"; seed 002, Guideline 12:
 * "based on the informed consent of the individual").
 *
 * <p>The requester only ever sees {@code consent_required}. The holder's log gets the precise cause, taken
 * from the consent that came closest to covering: recipient, then purpose, then category, then withdrawal,
 * then start, then end of validity (ties: the first consent of the record).
 */
final class ConsentRule {
    private ConsentRule() {
    }

    /** Why no consent covers the category, for the holder's log; empty when one does. */
    record Gap(ReasonCode cause, String consentId) {
    }

    static Optional<Gap> gap(SubjectRecord record, Requester requester, Purpose purpose, Category category,
                             LocalDate date, Instant withdrawalCutoff) {
        if (record.consents().isEmpty()) {
            return Optional.of(new Gap(ReasonCode.CONSENT_ABSENT, ""));
        }
        int bestDepth = -1;
        Gap best = null;
        for (Consent consent : record.consents()) {
            int depth;
            ReasonCode cause;
            if (!consent.names(requester)) {
                depth = 0;
                cause = ReasonCode.CONSENT_RECIPIENT_NOT_COVERED;
            } else if (!consent.purposes().contains(purpose)) {
                depth = 1;
                cause = ReasonCode.CONSENT_PURPOSE_NOT_COVERED;
            } else if (!consent.categories().contains(category)) {
                depth = 2;
                cause = ReasonCode.CONSENT_CATEGORY_NOT_COVERED;
            } else if (consent.isWithdrawnBy(withdrawalCutoff)) {
                depth = 3;
                cause = ReasonCode.CONSENT_WITHDRAWN;
            } else if (date.isBefore(consent.validFrom())) {
                depth = 4;
                cause = ReasonCode.CONSENT_NOT_YET_VALID;
            } else if (!consent.isInForceOn(date)) {
                depth = 5;
                cause = ReasonCode.CONSENT_EXPIRED;
            } else {
                return Optional.empty();
            }
            if (depth > bestDepth) {
                bestDepth = depth;
                best = new Gap(cause, consent.id());
            }
        }
        return Optional.of(best);
    }
}
