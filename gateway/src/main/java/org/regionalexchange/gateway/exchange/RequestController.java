package org.regionalexchange.gateway.exchange;

import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/requests}: an officer asks another agency about one person (role {@code officer}). */
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    private final OutboundExchange exchange;

    RequestController(OutboundExchange exchange) {
        this.exchange = exchange;
    }

    @PostMapping
    ObjectNode send(@SchemaBody("request") JsonNode request, @AuthenticationPrincipal Officer officer) {
        return exchange.send(officer, request);
    }

    @GetMapping("/{id}")
    ObjectNode outcome(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return exchange.status(officer, id);
    }
}
