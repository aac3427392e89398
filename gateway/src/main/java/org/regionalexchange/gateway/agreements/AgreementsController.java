package org.regionalexchange.gateway.agreements;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/admin/agreements}: the node's data-sharing agreements (role {@code admin}). */
@RestController
@RequestMapping("/api/v1/admin/agreements")
class AgreementsController {

    private final AgreementService agreements;

    AgreementsController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @GetMapping
    AgreementList list() {
        return new AgreementList(agreements.all().stream().map(Agreement::view).toList());
    }

    @GetMapping("/{agreementId}")
    ObjectNode get(@PathVariable String agreementId) {
        return agreements.get(agreementId).view();
    }

    @PostMapping
    ResponseEntity<ObjectNode> create(@SchemaBody("agreement") JsonNode body, HttpServletRequest request) {
        Agreement created = RevisionContext.with("agreement created by admin", CorrelationIds.of(request),
                () -> agreements.create(body));
        return ResponseEntity.created(URI.create("/api/v1/admin/agreements/" + created.agreementId()))
                .body(created.view());
    }

    @PutMapping("/{agreementId}")
    ObjectNode update(@PathVariable String agreementId, @SchemaBody("agreement") JsonNode body,
            HttpServletRequest request) {
        return RevisionContext.with("agreement updated by admin", CorrelationIds.of(request),
                () -> agreements.update(agreementId, body)).view();
    }

    record AgreementList(List<ObjectNode> agreements) {
    }
}
