package org.regionalexchange.policy.model;

import java.util.List;

/**
 * What reuse detection needs: the key of this request's subject and the requesting agency's recent
 * justifications (the gateway may pass more than the policy window; older ones are ignored).
 */
public record JustificationHistory(String subjectKey, List<RecentJustification> recent) {
    public JustificationHistory {
        Require.text(subjectKey, "subject key", 200);
        recent = Require.list(recent, "recent justifications");
    }

    public static JustificationHistory none(String subjectKey) {
        return new JustificationHistory(subjectKey, List.of());
    }
}
