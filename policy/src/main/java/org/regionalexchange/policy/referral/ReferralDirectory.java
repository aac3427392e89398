package org.regionalexchange.policy.referral;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Require;

/**
 * The National Reference Guide of the state where the screening takes place (seed 000 §6.2, Annex 2): the
 * agencies a border officer may refer a person to, in the order the guide lists them, with their contact
 * blocks. Suggestions come only from here.
 */
public record ReferralDirectory(List<DirectoryAgency> agencies) {
    public ReferralDirectory {
        agencies = Require.list(agencies, "directory agencies");
        Set<AgencyId> ids = new HashSet<>();
        for (DirectoryAgency agency : agencies) {
            if (!ids.add(agency.id())) {
                throw new IllegalArgumentException("Agency " + agency.id() + " is listed twice in the directory;"
                        + " expected each once");
            }
        }
    }

    public Optional<DirectoryAgency> find(AgencyId id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
