package org.regionalexchange.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * docs/modules/ is written from the verified module model, never by hand: the table of what each
 * feature may use and uses ({@code README.md}) and the diagrams of Spring Modulith's Documenter
 * ({@code *.puml}). The test fails when the checked-in files differ from what the code gives; run it
 * with {@code -Dmodules.write=true} to write them anew.
 */
class ModuleDocumentationTest {

    private static final Path CHECKED_IN = Path.of("../docs/modules");
    private static final Path GENERATED = Path.of("target/modules");

    @Test
    @DisplayName("docs/modules/ is the documentation the module model gives")
    void moduleDocumentationIsCurrent() throws IOException {
        ApplicationModules modules = ApplicationModules.of(GatewayApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Files.writeString(GENERATED.resolve("README.md"), table(modules));

        Map<String, String> generated = read(GENERATED);
        assertTrue(generated.size() > 20, "generated: " + generated.keySet());
        if (Boolean.getBoolean("modules.write")) {
            if (Files.isDirectory(CHECKED_IN)) {
                try (Stream<Path> old = Files.list(CHECKED_IN)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(CHECKED_IN);
            for (var file : generated.entrySet()) {
                Files.writeString(CHECKED_IN.resolve(file.getKey()), file.getValue());
            }
        }
        assertEquals(comparable(generated), comparable(read(CHECKED_IN)),
                "docs/modules/ is not what the code gives: run ModuleDocumentationTest with -Dmodules.write=true");
    }

    private static String table(ApplicationModules modules) {
        List<String> lines = new ArrayList<>();
        lines.add("# Modules of the gateway");
        lines.add("");
        lines.add("Written by `ModuleDocumentationTest` from the module model that `ArchitectureTest` verifies; do not");
        lines.add("edit by hand. Each feature package states what it may use in its `package-info.java`");
        lines.add("(`@ApplicationModule(allowedDependencies = …)`, with the reason for each); a dependency not");
        lines.add("stated, a package that states nothing, a use of another feature's sub-package and a cycle fail");
        lines.add("the build. `docs/architecture.md` says what each feature does. The diagrams: `components.puml`");
        lines.add("(all features) and `module-<feature>.puml` (one feature and its neighbours), PlantUML.");
        lines.add("");
        lines.add("| feature | may use | uses now | used by |");
        lines.add("|---|---|---|---|");
        Map<String, List<String>> usedBy = new TreeMap<>();
        modules.forEach(module -> module.getDirectDependencies(modules).uniqueModules()
                .forEach(target -> usedBy.computeIfAbsent(name(target), k -> new ArrayList<>()).add(name(module))));
        modules.stream().sorted((a, b) -> name(a).compareTo(name(b))).forEach(module -> {
            String uses = module.getDirectDependencies(modules).uniqueModules().map(ModuleDocumentationTest::name)
                    .sorted().distinct().collect(Collectors.joining(", "));
            String users = usedBy.getOrDefault(name(module), List.of()).stream().sorted().distinct()
                    .collect(Collectors.joining(", "));
            lines.add("| `" + name(module) + "` | " + orNothing(allowed(module)) + " | " + orNothing(uses) + " | "
                    + orNothing(users) + " |");
        });
        return String.join("\n", lines) + "\n";
    }

    private static String name(org.springframework.modulith.core.ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static String allowed(org.springframework.modulith.core.ApplicationModule module) {
        try {
            ApplicationModule statement = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            return statement == null ? "(not stated)" : Stream.of(statement.allowedDependencies()).sorted()
                    .collect(Collectors.joining(", "));
        } catch (ClassNotFoundException e) {
            return "(not stated)";
        }
    }

    private static String orNothing(String list) {
        return list.isEmpty() ? "nothing" : list;
    }

    /** The Documenter writes a diagram's lines in no fixed order: a diagram is compared as its sorted lines. */
    private static Map<String, String> comparable(Map<String, String> files) {
        Map<String, String> comparable = new TreeMap<>();
        files.forEach((name, text) -> comparable.put(name, name.endsWith(".puml")
                ? text.lines().sorted().collect(Collectors.joining("\n")) : text));
        return comparable;
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
