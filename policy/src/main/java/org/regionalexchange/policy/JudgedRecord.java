package org.regionalexchange.policy;

/**
 * Whether the record an earlier decision about a request judged is still the one, unchanged, when the
 * request is decided again at review or at collection (docs/performance.md R9). The holder establishes it: the
 * subject selector resolved again to exactly the judged record, at the version that was judged.
 */
public enum JudgedRecord {
    /** The selector still resolves to exactly the judged record, and the record has not changed. */
    UNCHANGED,
    /** Another record matches now, several or none do, or the judged record changed: nothing is released. */
    CHANGED
}
