package org.regionalexchange.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Docs move with the code: every operation a node serves is described in docs/openapi.yaml, and
 * the description names no operation the node does not serve.
 */
class OpenApiCoverageIT {

    private static final Path OPENAPI = Path.of("../docs/openapi.yaml");
    /** Served but not part of the product's API: the error page, and a test-only probe. */
    private static final Set<String> NOT_API = Set.of("/error", "/api/v1/admin/test-probe/consent");

    @Test
    @DisplayName("docs/openapi.yaml describes exactly the operations the node serves")
    void openApiMatchesTheServedOperations() throws Exception {
        var mapping = TestRegion.shared().start("kz").getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (NOT_API.stream().anyMatch(pattern::startsWith) || pattern.startsWith("${")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    served.add(verb.name() + " " + anyVariable(pattern));
                }
            }
        });
        JsonNode paths = YAMLMapper.builder().build().readTree(Files.readString(OPENAPI)).get("paths");
        Set<String> described = new TreeSet<>();
        for (Iterator<String> it = paths.propertyNames().iterator(); it.hasNext();) {
            String path = it.next();
            for (Iterator<String> verbs = paths.get(path).propertyNames().iterator(); verbs.hasNext();) {
                String verb = verbs.next();
                if (!verb.equals("parameters")) {
                    described.add(verb.toUpperCase(Locale.ROOT) + " " + anyVariable(path));
                }
            }
        }
        assertTrue(served.size() > 10, served.toString());
        assertEquals(served, described, "served (left) vs described in docs/openapi.yaml (right)");
    }

    /** Path variables are compared by position, not by name. */
    private static String anyVariable(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
