package org.regionalexchange.gateway.records;

/**
 * The explicit, greppable token for raw access to the personal data of a subject record. Every place that reads unredacted categories names why; anything else has no path to
 * them. Personal data leaves the node only through the policy.
 */
public enum PersonalDataAccess {
    /** The holding agency's registrar reads its own record ({@code GET /api/v1/records/{id}}). */
    FOR_REGISTRAR_VIEW,
    /** Identity matching compares the IDENTITY category with a query; nothing is returned but ids. */
    FOR_IDENTITY_MATCHING,
    /** The policy reads the facts it decides on: countries of origin, birth date, specific needs, hold. */
    FOR_POLICY_DECISION,
    /** An exchange releases the categories a policy decision released, redacted as it says. */
    FOR_RELEASE_UNDER_DECISION,
    /** The UNHCR liaison views the categories that consents in force name its organization for. */
    FOR_LIAISON_VIEW
}
