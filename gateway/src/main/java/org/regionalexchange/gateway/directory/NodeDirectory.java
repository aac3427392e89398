package org.regionalexchange.gateway.directory;

import java.util.Optional;

import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.validation.JsonSchemas;

/**
 * Loads the participant registry named by the node's configuration and checks that the node
 * itself is in it as configured: same country or organization, every signing key published.
 */
public final class NodeDirectory {

    private NodeDirectory() {
    }

    public static Optional<ParticipantRegistry> load(NodeProperties node, JsonSchemas schemas,
            ConfigurationProblems problems) {
        Optional<ParticipantRegistry> registry = RegistryFile.read(node.registry(), schemas, problems);
        registry.ifPresent(r -> checkSelf(node, r, problems));
        return problems.isEmpty() ? registry : Optional.empty();
    }

    private static void checkSelf(NodeProperties node, ParticipantRegistry registry, ConfigurationProblems problems) {
        String prefix = NodeProperties.PREFIX;
        Optional<RegisteredNode> self = registry.node(node.id());
        if (self.isEmpty()) {
            problems.reject(prefix + ".id", node.id(), "not a node of the participant registry " + node.registry());
            return;
        }
        RegisteredNode entry = self.get();
        if (node.country() != null && !node.country().equals(entry.country())) {
            problems.reject(prefix + ".country", node.country(),
                    "the participant registry gives node '" + node.id() + "' country '" + entry.country() + "'");
        }
        if (node.organization() != null && !node.organization().equals(entry.organization())) {
            problems.reject(prefix + ".organization", node.organization(), "the participant registry gives node '"
                    + node.id() + "' organization '" + entry.organization() + "'");
        }
        for (int i = 0; i < node.signingKeys().size(); i++) {
            String kid = node.signingKeys().get(i).kid();
            if (entry.keys().stream().noneMatch(k -> k.kid().equals(kid))) {
                problems.reject(prefix + ".signing-keys[" + i + "].kid", kid,
                        "not published for node '" + node.id() + "' in the participant registry");
            }
        }
    }
}
