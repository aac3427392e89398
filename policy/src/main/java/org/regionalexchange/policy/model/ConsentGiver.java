package org.regionalexchange.policy.model;

/** Who gave a consent: the subject, or a guardian on the subject's behalf. */
public enum ConsentGiver {
    SUBJECT,
    GUARDIAN
}
