package org.regionalexchange.gateway.audit;

/** What an access-log event records; past tense, one per read, change or refusal on personal data. */
public enum AccessAction {
    RECORD_CREATED, RECORD_READ, RECORD_UPDATED, CONSENT_RECORDED, CONSENTS_LISTED, CONSENT_WITHDRAWN,
    RECORD_HISTORY_READ, ACCESS_REFUSED
}
