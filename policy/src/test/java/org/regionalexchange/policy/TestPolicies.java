package org.regionalexchange.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PolicyFileLoader;

/** Shared test fixture: the region's default policy file from {@code deploy/}, and the test policy files. */
public final class TestPolicies {
    /** Tests run with the module directory as working directory. */
    public static final Path DEFAULT_FILE = Path.of("..", "deploy", "policy", "region-policy.yaml");
    private static final Map<String, PolicyConfig> LOADED = new ConcurrentHashMap<>();

    private TestPolicies() {
    }

    public static PolicyConfig regionDefault() {
        return LOADED.computeIfAbsent("default", name -> PolicyFileLoader.load(DEFAULT_FILE));
    }

    /** {@code default}, or a file under {@code src/test/resources/policies/}. */
    public static PolicyConfig named(String name) {
        if (name.equals("default")) {
            return regionDefault();
        }
        return LOADED.computeIfAbsent(name, n -> PolicyFileLoader.load(n, resource("policies/" + n)));
    }

    public static String resource(String path) {
        try (InputStream in = TestPolicies.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
