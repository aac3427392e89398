package org.regionalexchange.policy;

/** Handling rules attached to every release (docs/design.md §6 step 10). */
public enum HandlingCode {
    /**
     * No onward transfer without the holder's permission, and never to a country of origin of the
     * subject (seed 000 §8.5; seed 002 Guideline 12: not "shared with State of origin officials").
     */
    NO_ONWARD_TRANSFER
}
