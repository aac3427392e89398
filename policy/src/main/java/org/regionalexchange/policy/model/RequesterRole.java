package org.regionalexchange.policy.model;

/** Roles of docs/design.md §8. Only an {@link #OFFICER} sends requests about a person. */
public enum RequesterRole {
    REGISTRAR,
    OFFICER,
    REVIEWER,
    LIAISON,
    DPO,
    ADMIN
}
