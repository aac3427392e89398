package org.regionalexchange.gateway.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.regionalexchange.policy.model.Party;

/**
 * The trust list: nodes, their public keys and their agencies. Immutable; built and checked by
 * {@link RegistryFile}.
 */
public final class ParticipantRegistry {

    private final Map<String, RegisteredNode> nodes;
    private final Map<String, Agency> agencies;
    private final List<Agency> agenciesInOrder;

    ParticipantRegistry(List<RegisteredNode> nodes, List<Agency> agencies) {
        this.agenciesInOrder = List.copyOf(agencies);
        this.nodes = nodes.stream().collect(Collectors.toUnmodifiableMap(RegisteredNode::id, Function.identity()));
        this.agencies = agencies.stream().collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity()));
    }

    public Optional<RegisteredNode> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public Optional<Agency> agency(String agencyId) {
        return Optional.ofNullable(agencies.get(agencyId));
    }

    /** True when {@code agencyId} is registered and served by node {@code nodeId}. */
    public boolean isAgencyOfNode(String agencyId, String nodeId) {
        Agency agency = agencies.get(agencyId);
        return agency != null && agency.node().equals(nodeId);
    }

    /**
     * The party an agency acts for: its organization when it is an organization's office (UNHCR-KZ
     * acts for UNHCR, not for the state whose node serves it), otherwise its node's country or
     * organization. Consents, agreements and the country-of-origin rule are decided on this party.
     */
    public Optional<ActingParty> partyOf(String agencyId) {
        Agency agency = agencies.get(agencyId);
        if (agency == null) {
            return Optional.empty();
        }
        if (agency.organization() != null) {
            return Optional.of(new ActingParty(null, agency.organization()));
        }
        RegisteredNode node = nodes.get(agency.node());
        return Optional.of(new ActingParty(node.country(), node.country() == null ? node.organization() : null));
    }

    /** A country (ISO 3166-1 alpha-2) or an organization; exactly one is set. */
    public record ActingParty(String country, String organization) {

        /** The same party as the policy names it. */
        public Party party() {
            return Party.of(country, organization);
        }
    }

    /** Every agency, in the order of the registry file (a National Reference Guide's order). */
    public Collection<Agency> agencies() {
        return agenciesInOrder;
    }

    public Collection<RegisteredNode> nodes() {
        return nodes.values();
    }
}
