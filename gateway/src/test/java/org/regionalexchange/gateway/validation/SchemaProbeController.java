package org.regionalexchange.gateway.validation;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Test-only endpoint (admin role) that takes a consent body through the {@link SchemaBody}
 * mechanism, so the mechanism is exercised over HTTP against a real schema of the schemas module.
 */
@RestController
class SchemaProbeController {

    @PostMapping("/api/v1/admin/test-probe/consent")
    Map<String, Object> consent(@SchemaBody("consent") JsonNode body) {
        return Map.of("valid", true, "recipients", body.path("recipients").size());
    }
}
