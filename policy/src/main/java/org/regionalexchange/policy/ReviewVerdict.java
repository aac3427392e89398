package org.regionalexchange.policy;

/** A reviewer's answer to a {@code PENDING_REVIEW} decision (docs/openapi.yaml, {@code POST /api/v1/reviews/{requestId}}). */
public enum ReviewVerdict {
    APPROVE,
    REJECT
}
