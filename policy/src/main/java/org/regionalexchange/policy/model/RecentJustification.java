package org.regionalexchange.policy.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A justification an agency used recently, as the gateway stored it.
 *
 * @param fingerprint           of the text as written ({@link JustificationFingerprint#of})
 * @param normalizedFingerprint of its normalized text ({@link NormalizedJustification#fingerprint}); empty
 *                              for a use stored before the ledgers kept it
 * @param subjectKey            opaque key the gateway computes for the subject of that request (e.g. a hash
 *                              of the record reference or of the identity attributes); only equality matters
 */
public record RecentJustification(AgencyId agency, JustificationFingerprint fingerprint,
                                  Optional<JustificationFingerprint> normalizedFingerprint, String subjectKey,
                                  Instant usedAt) {
    public RecentJustification {
        Require.present(agency, "agency of recent justification");
        Require.present(fingerprint, "fingerprint of recent justification");
        Require.present(normalizedFingerprint, "normalized fingerprint of recent justification (use Optional.empty())");
        Require.text(subjectKey, "subject key of recent justification", 200);
        Require.present(usedAt, "time of recent justification");
    }

    /** A use whose normalized fingerprint is not known (stored before the ledgers kept it). */
    public RecentJustification(AgencyId agency, JustificationFingerprint fingerprint, String subjectKey,
                               Instant usedAt) {
        this(agency, fingerprint, Optional.empty(), subjectKey, usedAt);
    }

    /** A use of {@code justification}, with both its fingerprints. */
    public static RecentJustification of(AgencyId agency, String justification, String subjectKey, Instant usedAt) {
        return new RecentJustification(agency, JustificationFingerprint.of(justification),
                Optional.of(NormalizedJustification.fingerprint(justification)), subjectKey, usedAt);
    }
}
