package org.regionalexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;

/**
 * The production manifests (deploy/kubernetes) rendered by {@code kubectl kustomize}: the base and
 * every overlay are valid against the Kubernetes and CloudNativePG schemas and keep every rule of
 * {@link Rules}; each overlay runs its node on a three-instance CloudNativePG cluster; the region's
 * files they carry are valid.
 */
class KubernetesManifestsTest {

    @Test
    void baseIsValidKeepsTheRulesAndHoldsNoSecretValue() throws Exception {
        List<JsonNode> documents = Kustomize.render("base");
        assertEquals(List.of(), ManifestSchemas.violations(documents));
        List<HasMetadata> resources = Rules.typed(documents);
        assertEquals(List.of(), Rules.all(resources));
        assertEquals(List.of(), Rules.secretsInBase(resources));
        assertTrue(Rules.of(resources, Secret.class).isEmpty(), "the base defines no Secret at all");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayIsValidAndKeepsTheRules() throws IOException {
        List<String> overlays = Kustomize.overlays();
        assertFalse(overlays.isEmpty(), "at least one state's overlay");
        return overlays.stream().map(overlay -> DynamicTest.dynamicTest(overlay, () -> {
            List<JsonNode> documents = Kustomize.render("overlays/" + overlay);
            assertEquals(List.of(), ManifestSchemas.violations(documents));
            List<HasMetadata> resources = Rules.typed(documents);
            List<String> violations = new ArrayList<>(Rules.all(resources));
            violations.addAll(Rules.database(resources));
            assertEquals(List.of(), violations);
            // The generated Secrets exist with the names the Deployment and the Cluster use.
            List<String> secrets = Rules.of(resources, Secret.class).stream().map(s -> s.getMetadata().getName()).sorted().toList();
            assertEquals(List.of("gateway-db-app", "gateway-db-owner", "gateway-signing-keys"), secrets);
            assertTrue(resources.stream().allMatch(r -> r.getMetadata().getNamespace() != null
                    || r.getKind().equals("Namespace")), "every resource in the node's namespace");
        }));
    }

    /** The policy in the base is the region's policy file, not a drifting copy. */
    @Test
    void basePolicyIsTheRegionsPolicy() throws IOException {
        assertEquals(Files.readString(Path.of("..", "deploy", "policy", "region-policy.yaml")),
                Files.readString(Kustomize.MANIFESTS.resolve("base/files/region-policy.yaml")));
    }

    /** Each overlay's registry and agreements are valid against the node's own schemas. */
    @TestFactory
    Stream<DynamicTest> overlayRegionFilesAreValid() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(r -> r.mapPrefix("https://regional-gateway.org/schemas/", "classpath:schemas/")));
        return Kustomize.overlays().stream().flatMap(overlay -> Stream.of(
                DynamicTest.dynamicTest(overlay + " registry.yaml", () -> valid(registry, "registry.json",
                        Kustomize.MANIFESTS.resolve("overlays/" + overlay + "/files/registry.yaml"))),
                DynamicTest.dynamicTest(overlay + " agreements.yaml", () -> valid(registry, "agreements-file.json",
                        Kustomize.MANIFESTS.resolve("overlays/" + overlay + "/files/agreements.yaml")))));
    }

    /** The ConfigMap carries every file application.yml names under /etc/gateway/config. */
    @TestFactory
    Stream<DynamicTest> configMapHoldsTheFilesTheNodeReads() throws IOException {
        return Kustomize.overlays().stream().map(overlay -> DynamicTest.dynamicTest(overlay, () -> {
            List<HasMetadata> resources = Rules.typed(Kustomize.render("overlays/" + overlay));
            ConfigMap config = Rules.of(resources, ConfigMap.class).stream()
                    .filter(c -> c.getMetadata().getName().equals("gateway-config")).findFirst().orElseThrow();
            JsonNode app = Kustomize.YAML.readTree(config.getData().get("application.yml"));
            for (String path : List.of(app.at("/gateway/node/registry").asString(), app.at("/gateway/policy/file").asString(),
                    app.at("/gateway/agreements/file").asString())) {
                assertTrue(path.startsWith("/etc/gateway/config/"), path);
                assertTrue(config.getData().containsKey(path.substring("/etc/gateway/config/".length())), path);
            }
            assertTrue(app.at("/gateway/security/jwt/issuer-uri").asString().startsWith("https://"),
                    "the state's identity provider by discovery");
        }));
    }

    private static void valid(SchemaRegistry registry, String schemaFile, Path file) throws IOException {
        Schema schema = registry.getSchema(SchemaLocation.of("https://regional-gateway.org/schemas/v1/" + schemaFile));
        var errors = schema.validate(Kustomize.YAML.readTree(file.toFile()));
        assertEquals(List.of(), errors.stream().map(Object::toString).toList(), file.toString());
    }
}
