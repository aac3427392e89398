package org.regionalexchange.policy.model;

/** The legal basis the requester states for the request (schema {@code request.json}). */
public enum LegalBasis {
    AGREEMENT,
    NATIONAL_LAW,
    CONSENT,
    VITAL_INTEREST
}
