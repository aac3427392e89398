package org.regionalexchange.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization with {@code kubectl kustomize}, in a copy of {@code deploy/kubernetes}
 * where every file an overlay's secretGenerator reads from {@code secrets/} exists with a
 * placeholder value (the real ones are git-ignored and never on a build machine).
 */
final class Kustomize {

    /** The repository's manifests, from the module's folder. */
    static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes").toAbsolutePath().normalize();
    /** Overlays of planted defects, built on the real base ({@code planted/<rule>/kustomization.yaml}). */
    static final Path PLANTED = Path.of("src", "test", "resources", "planted").toAbsolutePath();

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static Path copy;

    private Kustomize() {
    }

    /** The overlays of deploy/kubernetes/overlays, by name. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(MANIFESTS.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** Renders {@code relative} (e.g. {@code base}, {@code overlays/kz}, {@code planted/no-pdb}). */
    static List<JsonNode> render(String relative) throws IOException, InterruptedException {
        Path dir = workingCopy().resolve(relative);
        Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + relative + " failed: " + err);
        }
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    /**
     * kubectl from PATH. CI installs it (.ci/run: Debian's kubernetes-client); a build without it
     * cannot check the manifests, and says so instead of passing.
     */
    static String kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is not on PATH: the manifests cannot be rendered. Install it"
                + " (Debian: apt-get install kubernetes-client), as .ci/run does.");
    }

    private static synchronized Path workingCopy() throws IOException {
        if (copy != null) {
            return copy;
        }
        Path root = Files.createTempDirectory("manifests");
        copyTree(MANIFESTS, root);
        copyTree(PLANTED, root.resolve("planted"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                fillSecrets(kustomization);
            }
        }
        copy = root;
        return root;
    }

    /** Writes a placeholder for every {@code secrets/...} file a secretGenerator of the file names. */
    private static void fillSecrets(Path kustomization) throws IOException {
        JsonNode k = YAML.readTree(kustomization.toFile());
        for (JsonNode generator : k.path("secretGenerator")) {
            for (JsonNode file : generator.path("files")) {
                String entry = file.asString();
                String source = entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry;
                Path target = kustomization.getParent().resolve(source);
                if (source.startsWith("secrets/") && !Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, "placeholder-not-a-secret");
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getParent().getFileName().toString().equals("secrets")
                        || source.getFileName().toString().equals("README.md")) {
                    // Real secret files a developer keeps in an overlay are never copied.
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
