package org.regionalexchange.gateway.consent;

import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;

import tools.jackson.databind.JsonNode;

/** The consents of this node's records, as other features (sample data, later the policy) use them. */
public interface Consents {

    /**
     * Records a consent (document valid against schema {@code consent}) for a record held by
     * {@code registrar}'s agency, and logs {@code CONSENT_RECORDED}.
     *
     * @return the consent's id
     */
    UUID record(Officer registrar, UUID recordId, JsonNode document);

    /**
     * The consents of a record, active or not, as the policy reads them (it decides which are in
     * force and what they cover). Read inside the caller's transaction.
     */
    java.util.List<org.regionalexchange.policy.model.Consent> forPolicy(UUID recordId);

    /**
     * {@link #forPolicy} for many records in one read: each record's consents, in the same order;
     * a record without consents has no entry.
     */
    java.util.Map<UUID, java.util.List<org.regionalexchange.policy.model.Consent>> forPolicyAll(
            java.util.Collection<UUID> recordIds);

    /**
     * The records that have a consent not withdrawn and valid on {@code date} naming
     * {@code organization} or {@code agency} as recipient. A pre-selection only: callers confirm
     * each with {@link #forPolicy} and the policy's own consent semantics.
     */
    java.util.List<UUID> recordsWithConsentNaming(String organization, String agency, java.time.LocalDate date);
}
