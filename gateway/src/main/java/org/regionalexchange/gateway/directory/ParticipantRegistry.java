package org.regionalexchange.gateway.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trust list: nodes, their public keys and their agencies. Immutable; built and checked by
 * {@link RegistryFile}.
 */
public final class ParticipantRegistry {

    private final Map<String, RegisteredNode> nodes;
    private final Map<String, Agency> agencies;

    ParticipantRegistry(List<RegisteredNode> nodes, List<Agency> agencies) {
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

    public Collection<Agency> agencies() {
        return agencies.values();
    }

    public Collection<RegisteredNode> nodes() {
        return nodes.values();
    }
}
