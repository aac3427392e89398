package org.regionalexchange.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.GatewayApplication;
import org.regionalexchange.region.DevTokens;
import org.regionalexchange.region.RegionSetup;
import org.regionalexchange.gateway.keys.PemKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A local region for tests: the shipped definition ({@code deploy/local/region.yaml}) on free
 * ports, prepared by the same {@link RegionSetup} as {@code deploy/local/region up}, with nodes
 * started in this JVM, each on its own embedded PostgreSQL under a temporary folder.
 */
public final class TestRegion implements AutoCloseable {

    public static final Path DEFINITION = Path.of("../deploy/local/region.yaml");
    public static final Path POLICY = Path.of("../deploy/policy/region-policy.yaml");

    private static TestRegion shared;

    private final Path runDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final DevTokens tokens;
    private final String issuer;
    private final String audience;

    private TestRegion(Path runDir) throws IOException {
        this.runDir = runDir;
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectNode definition = (ObjectNode) yaml.readTree(Files.readString(DEFINITION));
        definition.put("policy", POLICY.toAbsolutePath().normalize().toString());
        // The copy lives elsewhere: name the region's agreements absolutely; no sample data in tests
        // (a test that wants it starts a node with --gateway.sample-data.location, see sampleData()).
        definition.put("agreements", DEFINITION.toAbsolutePath().getParent().resolve("agreements.yaml").normalize().toString());
        definition.remove("sampleData");
        // No console unless a test starts a node with --gateway.console.issuer-uri (ConsoleIT does).
        definition.remove("identityProvider");
        for (var node : definition.get("nodes")) {
            int port = freePort();
            ((ObjectNode) node).put("port", port);
            ports.put(node.get("id").asString(), port);
        }
        Path definitionFile = runDir.resolve("region.yaml");
        Files.writeString(definitionFile, yaml.writeValueAsString(definition));
        RegionSetup setup = new RegionSetup(definitionFile, runDir, java.time.Clock.systemUTC());
        setup.prepare();
        this.issuer = setup.issuer();
        this.audience = setup.audience();
        this.tokens = new DevTokens(issuer, audience, PemKeys.readPrivateKey(runDir.resolve(RegionSetup.ISSUER_KEY)));
    }

    /** A fresh region in a new temporary folder; no node is started yet. */
    public static TestRegion create() {
        try {
            return new TestRegion(Files.createTempDirectory("test-region-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One region per test JVM with all its nodes running, stopped when the JVM exits. */
    public static synchronized TestRegion shared() {
        if (shared == null) {
            shared = create();
            shared.ports.keySet().forEach(shared::start);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts node {@code id} (if not running) with extra {@code --key=value} arguments. */
    public synchronized ConfigurableApplicationContext start(String id, String... extraArguments) {
        return start(id, new Class<?>[] {GatewayApplication.class}, extraArguments);
    }

    /** Starts node {@code id} (if not running) from {@code sources}, the gateway's application among them. */
    public synchronized ConfigurableApplicationContext start(String id, Class<?>[] sources, String... extraArguments) {
        return running.computeIfAbsent(id, key -> {
            List<String> arguments = new ArrayList<>();
            arguments.add("--spring.config.additional-location=file:" + runDir.resolve(id).resolve("application.yml"));
            arguments.addAll(List.of(extraArguments));
            // Tests share a few officers' tokens across many calls; the rate limit has its own test.
            if (arguments.stream().noneMatch(a -> a.startsWith("--gateway.rate-limit."))) {
                arguments.add("--gateway.rate-limit.requests-per-minute=100000");
            }
            return new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new));
        });
    }

    public synchronized void stop(String id) {
        ConfigurableApplicationContext context = running.remove(id);
        if (context != null) {
            context.close();
        }
    }

    /** The shipped sample-data file of node {@code nodeId} ({@code deploy/local/sample-data/<id>.yaml}). */
    public static Path sampleData(String nodeId) {
        return DEFINITION.toAbsolutePath().getParent().resolve("sample-data/" + nodeId + ".yaml").normalize();
    }

    public URI uri(String nodeId, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(nodeId) + path);
    }

    public Path runDir() {
        return runDir;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A valid one-hour token of the region's development issuer. */
    public String token(String agency, String role) {
        return tokens.mint(agency, List.of(role), "test." + role + "@" + agency.toLowerCase(), Instant.now(),
                Duration.ofHours(1));
    }

    public DevTokens tokens() {
        return tokens;
    }

    /**
     * Stops every node, then deletes the region's folder (its databases, keys and logs): a full
     * test run starts dozens of regions, each with a PostgreSQL data folder.
     */
    @Override
    public synchronized void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
        try (var paths = Files.walk(runDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: what is left is in the system's temporary folder.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
