package org.regionalexchange.gateway.audit;

import java.util.Set;

/**
 * What an access-log event was, for the data-protection officer's activity per day: every event
 * is of exactly one kind, decided by its action and outcome alone (the first that applies):
 * <ol>
 * <li>{@link #OVERSIGHT}: the DPO's own views and verifications, whatever their outcome;</li>
 * <li>{@link #RELEASED}: an answer that released data ({@code RELEASED}, {@code PARTIALLY_RELEASED}),
 * given or, on the requester's side, received;</li>
 * <li>{@link #REFUSED}: a refusal ({@code REFUSED}, {@code NOT_AVAILABLE}): an exchange answered
 * with nothing, an access, an envelope or a referral refused;</li>
 * <li>{@link #READ}: a read of personal data (records, history, consents, answers, the liaison's
 * views, screenings, referrals, the review queue);</li>
 * <li>{@link #OTHER}: the rest (records and consents changed, requests sent, reviews waiting,
 * referrals sent and moved on).</li>
 * </ol>
 */
public enum ActivityKind {
    RELEASED, REFUSED, READ, OVERSIGHT, OTHER;

    private static final Set<String> OVERSIGHT_ACTIONS = Set.of(AccessAction.AUDIT_SEARCHED.name(),
            AccessAction.AUDIT_EXPORTED.name(), AccessAction.DISCLOSURES_READ.name(), AccessAction.ALERTS_READ.name(),
            AccessAction.CHAIN_VERIFIED.name(), AccessAction.CHECKPOINT_SIGNED.name(),
            AccessAction.CHECKPOINT_VERIFIED.name(), AccessAction.PEER_CHECKPOINTS_VERIFIED.name());

    private static final Set<String> READ_ACTIONS = Set.of(AccessAction.RECORD_READ.name(),
            AccessAction.RECORD_HISTORY_READ.name(), AccessAction.CONSENTS_LISTED.name(),
            AccessAction.RESPONSE_READ.name(), AccessAction.LIAISON_LIST.name(), AccessAction.LIAISON_VIEW.name(),
            AccessAction.SCREENING_READ.name(), AccessAction.REFERRAL_READ.name(),
            AccessAction.REFERRALS_LISTED.name(), AccessAction.REVIEW_QUEUE_READ.name());

    /** The kind of an event with this action and outcome (as stored: the enum's and the outcome's names). */
    public static ActivityKind of(String action, String outcome) {
        if (OVERSIGHT_ACTIONS.contains(action)) {
            return OVERSIGHT;
        }
        if ("RELEASED".equals(outcome) || "PARTIALLY_RELEASED".equals(outcome)) {
            return RELEASED;
        }
        if (AccessEvent.REFUSED.equals(outcome) || "NOT_AVAILABLE".equals(outcome)) {
            return REFUSED;
        }
        return READ_ACTIONS.contains(action) ? READ : OTHER;
    }
}
