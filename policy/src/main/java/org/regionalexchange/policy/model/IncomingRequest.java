package org.regionalexchange.policy.model;

import java.util.List;
import java.util.Set;

/**
 * A request as the holder node evaluates it: the request, the agencies of the node whose key signed it
 * (from the participant registry), the holder's own party, the agreements the holder knows of, and the
 * requesting agency's recent justifications as the holder recorded them.
 */
public record IncomingRequest(InformationRequest request, Set<AgencyId> signingNodeAgencies, Party holder,
                              List<Agreement> agreements, JustificationHistory history) {
    public IncomingRequest {
        Require.present(request, "request");
        signingNodeAgencies = Require.sortedSet(signingNodeAgencies, "agencies of the signing node");
        Require.present(holder, "holder party");
        agreements = Require.list(agreements, "agreements");
        Require.present(history, "justification history");
    }
}
