package org.regionalexchange.gateway.audit;

/** What an access-log event records; past tense, one per read, change or refusal on personal data. */
public enum AccessAction {
    RECORD_CREATED, RECORD_READ, RECORD_UPDATED, CONSENT_RECORDED, CONSENTS_LISTED, CONSENT_WITHDRAWN,
    RECORD_HISTORY_READ, ACCESS_REFUSED,
    /** Requester side: a request left this node; an answer of the holder was received and kept. */
    REQUEST_SENT, RESPONSE_RECEIVED,
    /** Requester side: the node's own check refused a request; nothing left the node (docs/design.md §5 step 2). */
    REQUEST_REFUSED_BEFORE_SENDING,
    /** Holder side: a request was decided and answered; a retry got the answer already given. */
    REQUEST_DECIDED, REQUEST_RETRY_ANSWERED,
    /** Holder side: a reviewer read the review queue, or decided a request. */
    REVIEW_QUEUE_READ, REVIEW_DECIDED,
    /** An envelope from another node was refused (signature, audience, time, replay...). */
    ENVELOPE_REFUSED,
    /** Requester side: an officer read a stored answer again. Holder side: the requester node collected a reviewed answer. */
    RESPONSE_READ, ANSWER_COLLECTED,
    /** The UNHCR liaison listed the records covered by consent, or viewed one. */
    LIAISON_LIST, LIAISON_VIEW,
    /** The data-protection officer searched or exported the access log, read a disclosure report or alerts, verified or checkpointed the chain. */
    AUDIT_SEARCHED, AUDIT_EXPORTED, DISCLOSURES_READ, ALERTS_READ, CHAIN_VERIFIED, CHECKPOINT_SIGNED,
    /** The data-protection officer checked the log against a checkpoint, or against the checkpoints the peers hold of it. */
    CHECKPOINT_VERIFIED, PEER_CHECKPOINTS_VERIFIED,
    /** A screener recorded or read a screening interview (the event's record id is the screening's id). */
    SCREENING_RECORDED, SCREENING_READ,
    /** A referral was sent, refused before sending, read, listed or moved through its lifecycle (record id: the referral's id). */
    REFERRAL_SENT, REFERRAL_REFUSED, REFERRAL_READ, REFERRALS_LISTED, REFERRAL_STATUS_CHANGED,
    /** The receiving agency opened a record from an accepted referral, or was refused (record id: the referral's id). */
    REFERRAL_RECORD_OPENED, REFERRAL_RECORD_REFUSED,
    /**
     * Between nodes: the other node's signed receipt of a referral or step came back (sender side); the
     * other node refused it for good; a referral of another node was received and stored (receiver side).
     */
    REFERRAL_DELIVERED, REFERRAL_DELIVERY_REFUSED, REFERRAL_RECEIVED_FROM_NODE
}
