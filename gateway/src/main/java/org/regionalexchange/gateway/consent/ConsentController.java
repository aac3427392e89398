package org.regionalexchange.gateway.consent;

import java.net.URI;
import java.util.List;
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

/** {@code /api/v1/records/{id}/consents}: record, list and withdraw consents (registrar, own agency). */
@RestController
@RequestMapping("/api/v1/records/{recordId}/consents")
class ConsentController {

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @PostMapping
    ResponseEntity<Created> record(@PathVariable UUID recordId, @SchemaBody("consent") JsonNode body,
            @AuthenticationPrincipal Officer officer, HttpServletRequest request) {
        UUID id = RevisionContext.with("consent recorded", CorrelationIds.of(request),
                () -> consents.record(officer, recordId, body));
        return ResponseEntity.created(URI.create("/api/v1/records/" + recordId + "/consents/" + id))
                .body(new Created(id));
    }

    @GetMapping
    ConsentList list(@PathVariable UUID recordId, @AuthenticationPrincipal Officer officer) {
        return new ConsentList(recordId, consents.list(officer, recordId));
    }

    @PostMapping("/{consentId}/withdrawal")
    ConsentView withdraw(@PathVariable UUID recordId, @PathVariable UUID consentId,
            @SchemaBody("consent-withdrawal") JsonNode body, @AuthenticationPrincipal Officer officer,
            HttpServletRequest request) {
        String reason = body.get("reason").asString();
        return RevisionContext.with("consent withdrawn: " + reason, CorrelationIds.of(request),
                () -> consents.withdraw(officer, recordId, consentId, reason));
    }

    record Created(UUID id) {
    }

    record ConsentList(UUID recordId, List<ConsentView> consents) {
    }
}
