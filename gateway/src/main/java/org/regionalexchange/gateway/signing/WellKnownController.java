package org.regionalexchange.gateway.signing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/gateway-node}: this node's id, country or organization, base URL and
 * public keys ({@code kid} → JWK), as published in the participant registry. Public, no token.
 * The registry stays the trust anchor; this document lets a peer or an operator check it.
 */
@RestController
class WellKnownController {

    private final NodeProperties node;
    private final RegisteredNode self;

    WellKnownController(NodeProperties node, ParticipantRegistry registry) {
        this.node = node;
        this.self = registry.node(node.id()).orElseThrow();
    }

    @GetMapping("/.well-known/gateway-node")
    Map<String, Object> describe() {
        Map<String, Object> keys = new LinkedHashMap<>();
        self.keys().forEach(k -> keys.put(k.kid(), Jwk.of(k.kid(), k.publicKey())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodeId", node.id());
        if (node.country() != null) {
            body.put("country", node.country());
        } else {
            body.put("organization", node.organization());
        }
        body.put("baseUrl", node.baseUrl());
        body.put("activeKid", node.signingKeys().get(0).kid());
        body.put("keys", keys);
        return body;
    }
}
