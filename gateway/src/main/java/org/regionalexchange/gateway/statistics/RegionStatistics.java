package org.regionalexchange.gateway.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The region's figures (docs/design.md §14): every node of the participant registry is asked for
 * its signed statistics at once (this node signs its own, as any node), each answer is verified,
 * and only verified figures are added. Every node is named with what happened to its figures:
 * answered or not, verified or why not; a node that does not answer is named, never guessed.
 */
@Component
class RegionStatistics {

    private static final Logger log = LoggerFactory.getLogger(RegionStatistics.class);

    /** What became of one node's figures. */
    record NodeResult(String node, boolean answered, boolean verified, String problem, String detail, String keyId,
            String envelope, JsonNode figures) {
    }

    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final StatisticsEnvelopes envelopes;
    private final NodeClient client;
    private final MonthlyReleases releases;
    private final JsonMapper json;

    RegionStatistics(ParticipantRegistry registry, NodeProperties node, StatisticsEnvelopes envelopes, NodeClient client,
            MonthlyReleases releases, JsonMapper json) {
        this.registry = registry;
        this.node = node;
        this.envelopes = envelopes;
        this.client = client;
        this.releases = releases;
        this.json = json;
    }

    ObjectNode region(Period period) {
        List<RegisteredNode> nodes = new ArrayList<>(registry.nodes());
        nodes.sort(Comparator.comparing(RegisteredNode::id));
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, CompletableFuture<NodeClient.Answer>> asked = new LinkedHashMap<>();
        for (RegisteredNode other : nodes) {
            String query = envelopes.query(other.id(), period);
            queries.put(other.id(), query);
            if (!other.id().equals(node.id())) {
                asked.put(other.id(), client.statistics(other.baseUrl(), period, query));
            }
        }
        // This node's own figures are computed while the others compute theirs.
        String own = envelopes.ownAnswer(queries.get(node.id()), period);
        List<NodeResult> results = new ArrayList<>();
        for (RegisteredNode other : nodes) {
            String query = queries.get(other.id());
            if (other.id().equals(node.id())) {
                results.add(verified(other.id(), query, period, own));
                continue;
            }
            NodeClient.Answer answer;
            try {
                answer = asked.get(other.id()).join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                log.warn("statistics node did not answer node={} error={}", other.id(),
                        e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
                results.add(new NodeResult(other.id(), false, false, "node_unreachable",
                        "no answer within the node timeout", null, null, null));
                continue;
            }
            if (!answer.isEnvelope()) {
                log.warn("statistics node refused node={} status={}", other.id(), answer.status());
                results.add(new NodeResult(other.id(), true, false, "node_refused",
                        "answered status " + answer.status() + " without an envelope", null, null, null));
                continue;
            }
            results.add(verified(other.id(), query, period, answer.body()));
        }
        return report(period, results);
    }

    private NodeResult verified(String nodeId, String query, Period period, String answer) {
        try {
            JsonNode figures = envelopes.verify(nodeId, query, period, answer);
            return new NodeResult(nodeId, true, true, null, null, CompactJws.parse(answer).kid(), answer, figures);
        } catch (StatisticsEnvelopes.NotVerified e) {
            log.warn("statistics not verified node={} code={}", nodeId, e.code());
            // What arrived is shown for inspection when it has the form of an envelope at all.
            boolean envelopeLike = answer.length() <= CompactJws.MAX_LENGTH
                    && answer.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){2}");
            return new NodeResult(nodeId, true, false, e.code(), e.getMessage(), null, envelopeLike ? answer : null,
                    null);
        }
    }

    private ObjectNode report(Period period, List<NodeResult> results) {
        ObjectNode report = json.createObjectNode();
        report.put("from", period.from().toString());
        report.put("to", period.to().toString());
        ArrayNode nodes = report.putArray("nodes");
        Map<String, JsonNode> verified = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (NodeResult result : results) {
            all.add(result.node());
            ObjectNode n = nodes.addObject();
            n.put("node", result.node());
            n.put("answered", result.answered());
            n.put("verified", result.verified());
            if (result.problem() != null) {
                n.put("problem", result.problem());
                n.put("detail", result.detail());
            }
            if (result.keyId() != null) {
                n.put("keyId", result.keyId());
            }
            if (result.envelope() != null) {
                n.put("envelope", result.envelope());
            }
            if (result.verified()) {
                verified.put(result.node(), result.figures());
            }
        }
        List<Population> populations = releases.populations().stream()
                .filter(p -> p.scope() == Population.Scope.REGION).toList();
        report.set("populations", new RegionSum(json, populations, period, all).add(verified));
        return report;
    }
}
