package org.regionalexchange.policy.model;

/**
 * Who asks: the node that signed the request, that node's party (a country or an organization), the agency
 * the officer acts for, and the officer's role.
 *
 * <p>The gateway takes {@code node} and {@code party} from the participant-registry entry of the key that
 * signed the request, never from a claim inside the request (docs/design.md §2); only {@code agency} and
 * {@code role} come from the request, and the policy checks the agency against the signing node.
 */
public record Requester(NodeId node, Party party, AgencyId agency, RequesterRole role) {
    public Requester {
        Require.present(node, "requester node");
        Require.present(party, "requester party (country or organization of the signing node)");
        Require.present(agency, "requester agency");
        Require.present(role, "requester role");
    }

    /** The requester's country, when the requesting node is a state's; empty for an organization such as UNHCR. */
    public java.util.Optional<CountryCode> country() {
        return party instanceof Party.Country country ? java.util.Optional.of(country.code()) : java.util.Optional.empty();
    }
}
