package org.regionalexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;

/**
 * Each check refuses a manifest planted to break it: {@code src/test/resources/planted/<check>/} is
 * an overlay of the real base (or of the kz overlay) with one defect, and rendering it must make
 * that check, and only that one, report a violation. A check that passed everything would fail here.
 */
class PlantedManifestsTest {

    /** Every check of {@link Rules#NODE_RULES}, the schema, the base's secrets and the database. */
    @Test
    void everyCheckHasAPlantedManifest() throws IOException {
        TreeSet<String> planted = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Kustomize.PLANTED)) {
            dirs.forEach(d -> planted.add(d.getFileName().toString().replaceFirst("-\\d+$", "")));
        }
        TreeSet<String> checks = new TreeSet<>(Rules.NODE_RULES.keySet());
        checks.addAll(List.of("schema", "secrets-in-base", "database"));
        assertEquals(checks, planted);
    }

    @TestFactory
    Stream<DynamicTest> eachPlantedDefectIsFoundByItsCheck() throws IOException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(Kustomize.PLANTED)) {
            dirs = list.sorted().toList();
        }
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String check = dir.getFileName().toString().replaceFirst("-\\d+$", "");
            List<String> violations = violations("planted/" + dir.getFileName(), check);
            assertFalse(violations.isEmpty(), "the planted defect went unnoticed");
            List<String> others = violations.stream().filter(v -> !v.startsWith(check + ": ")).toList();
            assertTrue(others.isEmpty(), () -> "only '" + check + "' should object, not: " + others);
        }));
    }

    /**
     * Every check's violations on one rendering. The planted manifests are overlays of the kz
     * overlay, but for secrets-in-base's, an overlay of the base: the check of the base's secrets
     * runs on that one only, the database's on the others.
     */
    private static List<String> violations(String relative, String check) throws Exception {
        List<JsonNode> documents = Kustomize.render(relative);
        List<String> violations = new ArrayList<>(ManifestSchemas.violations(documents));
        List<HasMetadata> resources = Rules.typed(documents);
        for (Map.Entry<String, java.util.function.Function<List<HasMetadata>, List<String>>> rule
                : Rules.NODE_RULES.entrySet()) {
            violations.addAll(rule.getValue().apply(resources));
        }
        if (check.equals("secrets-in-base")) {
            violations.addAll(Rules.secretsInBase(resources));
        } else {
            violations.addAll(Rules.database(resources));
        }
        return violations;
    }
}
