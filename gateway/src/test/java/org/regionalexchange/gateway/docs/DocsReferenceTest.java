package org.regionalexchange.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code and documents point only inside the repository: the design is {@code docs/design.md}, the
 * targets {@code docs/performance.md}, the contract {@code docs/openapi.yaml}. A reference to a
 * design file kept elsewhere is a reference a reader of this repository cannot follow.
 */
class DocsReferenceTest {

    /** The design files kept outside the repository, by name and by folder. */
    static final Pattern OUTSIDE = Pattern.compile(
            "shared/(design|seeds)|\\b(ARCHITECTURE|QUALITY|API|STYLE|INDEX)\\.md\\b");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Build output, local data, editors' and fuzzers' folders: not part of the repository. */
    private static final Set<String> NOT_SOURCE = Set.of(".git", "target", ".idea", ".vscode",
            ".cifuzz-corpus", "node_modules", ".mvn");
    private static final String LOCAL_REGION_DATA = "deploy/local/run";

    /**
     * Migrations already applied on running nodes keep their text: Flyway checksums every line,
     * comments included, so changing a word would stop those nodes at start-up. Migrations written
     * after these follow the rule.
     */
    private static final int LAST_APPLIED_MIGRATION = 32;
    private static final Pattern MIGRATION = Pattern.compile("gateway/src/main/resources/db/migration/V(\\d+)__[^/]+\\.sql");

    private static final String SELF = "gateway/src/test/java/org/regionalexchange/gateway/docs/DocsReferenceTest.java";

    @Test
    @DisplayName("no file of the repository refers to a design file outside it")
    void everyReferenceStaysInTheRepository() {
        assertTrue(Files.isRegularFile(ROOT.resolve("docs/design.md")), "repository root not found at " + ROOT);
        List<String> found = referencesOutside(ROOT);
        assertEquals(List.of(), found, "cite docs/design.md §N, docs/performance.md or docs/openapi.yaml instead");
    }

    @Test
    @DisplayName("the scan finds a planted reference in code, in a document and in a new migration")
    void aPlantedReferenceIsFound(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/design.md"), "# Design\n");
        Path code = repo.resolve("gateway/src/main/java/Planted.java");
        Files.createDirectories(code.getParent());
        Files.writeString(code, "/** See ARCHITECTURE.md §5. */\nclass Planted {}\n");
        Files.writeString(repo.resolve("docs/planted.md"), "Targets are in ../shared/design/QUALITY.md.\n");
        Path migration = repo.resolve("gateway/src/main/resources/db/migration/V99__planted.sql");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, "-- API.md says so\n");
        Path built = repo.resolve("gateway/target/classes/Copied.txt");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "STYLE.md\n");

        List<String> found = referencesOutside(repo);

        assertEquals(List.of(
                "docs/planted.md:1: QUALITY.md",
                "docs/planted.md:1: shared/design",
                "gateway/src/main/java/Planted.java:1: ARCHITECTURE.md",
                "gateway/src/main/resources/db/migration/V99__planted.sql:1: API.md"), found);
    }

    @Test
    @DisplayName("a file that names a design document in a word of its own is not a reference")
    void wordsThatOnlyContainANameAreNotReferences(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("notes.md"), "docs/api-errors.md, MY_API.md.bak, docs/design.md §5\n");
        assertEquals(List.of(), referencesOutside(repo));
    }

    static List<String> referencesOutside(Path root) {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && (NOT_SOURCE.contains(dir.getFileName().toString())
                            || root.relativize(dir).toString().replace('\\', '/').equals(LOCAL_REGION_DATA));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (!exempt(name) && attrs.size() < 4_000_000) {
                        scan(name, Files.readAllBytes(file), found);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static boolean exempt(String name) {
        if (name.equals(SELF)) {
            return true;
        }
        Matcher migration = MIGRATION.matcher(name);
        return migration.matches() && Integer.parseInt(migration.group(1)) <= LAST_APPLIED_MIGRATION;
    }

    private static void scan(String name, byte[] content, List<String> found) {
        for (byte b : content) {
            if (b == 0) {
                return; // binary
            }
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = OUTSIDE.matcher(lines[i]);
            while (m.find()) {
                found.add(name + ":" + (i + 1) + ": " + m.group());
            }
        }
    }
}
