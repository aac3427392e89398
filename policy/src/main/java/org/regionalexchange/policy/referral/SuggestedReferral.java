package org.regionalexchange.policy.referral;

import java.util.List;

import org.regionalexchange.policy.model.Require;

/**
 * One referral the directory offers for a person: the type, the agency with its contact block, the indicators
 * that call for it (none for the UNHCR office, which is always shown) and how urgent it is.
 */
public record SuggestedReferral(ReferralType type, DirectoryAgency agency, List<Indicator> because, Priority priority) {
    public SuggestedReferral {
        Require.present(type, "suggested type");
        Require.present(agency, "suggested agency");
        because = Require.list(because, "indicators of the suggestion");
        Require.present(priority, "priority of the suggestion");
    }
}
