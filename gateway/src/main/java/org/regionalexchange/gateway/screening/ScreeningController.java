package org.regionalexchange.gateway.screening;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/screenings}: a screener records an interview at the border and reads the
 * interviews of its own agency (role {@code screener} is checked by the security table; the
 * agency here).
 */
@RestController
@RequestMapping("/api/v1/screenings")
class ScreeningController {

    private final ScreeningService screenings;

    ScreeningController(ScreeningService screenings) {
        this.screenings = screenings;
    }

    @PostMapping
    ResponseEntity<ObjectNode> record(@SchemaBody("screening") JsonNode body, @AuthenticationPrincipal Officer officer,
            HttpServletRequest request) {
        ObjectNode view = RevisionContext.with("screening recorded", CorrelationIds.of(request),
                () -> screenings.record(officer, body));
        return ResponseEntity.created(URI.create("/api/v1/screenings/" + view.get("id").asString())).body(view);
    }

    @GetMapping("/{id}")
    ObjectNode read(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return screenings.read(officer, id);
    }
}
