package org.regionalexchange.policy.model;

import java.time.Instant;

/**
 * A justification an agency used recently, as the gateway stored it.
 *
 * @param subjectKey opaque key the gateway computes for the subject of that request (e.g. a hash of the
 *                   record reference or of the identity attributes); only equality matters
 */
public record RecentJustification(AgencyId agency, JustificationFingerprint fingerprint, String subjectKey,
                                  Instant usedAt) {
    public RecentJustification {
        Require.present(agency, "agency of recent justification");
        Require.present(fingerprint, "fingerprint of recent justification");
        Require.text(subjectKey, "subject key of recent justification", 200);
        Require.present(usedAt, "time of recent justification");
    }
}
