package org.regionalexchange.policy;

/** The outcome of one decision (docs/design.md §6, docs/openapi.yaml). */
public enum Outcome {
    /** Every requested category is released. */
    RELEASED,
    /** Some categories are released, the others withheld, each with a reason code. */
    PARTIALLY_RELEASED,
    /** Nothing is released; the reason codes say why, and the requester may see them. */
    REFUSED,
    /**
     * The uniform answer for "no such person", "ambiguous match", "country of origin" and "record on
     * protection hold": the requester-visible part is identical for all of them.
     */
    NOT_AVAILABLE,
    /** Releasable categories wait for a reviewer at the holder. */
    PENDING_REVIEW
}
