package org.regionalexchange.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.config.InvalidConfigurationException;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A bad configuration stops start-up before a database or port is opened, with one message that
 * names every bad value.
 */
class StartupConfigurationCheckTest {

    @Test
    @DisplayName("every bad value of every property group is named at once")
    void namesEveryBadValue() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> start(
                "--gateway.node.id=Bad Id",
                "--gateway.node.country=XX",
                "--gateway.node.base-url=ftp://example",
                "--gateway.node.signing-keys[0].kid=k1",
                "--gateway.node.signing-keys[0].private-key=/nonexistent/key.pem",
                "--gateway.node.registry=/nonexistent/registry.yaml",
                "--gateway.security.jwt.audience=regional-gateway",
                "--gateway.security.jwt.jwk-set-uri=https://idp.example/jwks",
                "--gateway.security.jwt.clock-skew=1h",
                "--gateway.embedded-database.port=70000",
                "--gateway.api.max-body-bytes=10",
                "--gateway.policy.file=/nonexistent/policy.yaml",
                "--gateway.statistics.threshold=4"));
        List<String> problems = failure.problems();
        for (String expected : List.of("gateway.node.id = 'Bad Id'", "gateway.node.country = 'XX'",
                "gateway.node.base-url = 'ftp://example'", "gateway.node.signing-keys[0].private-key = '/nonexistent/key.pem'",
                "gateway.node.registry = '/nonexistent/registry.yaml'", "gateway.security.jwt.issuer = 'null'",
                "gateway.security.jwt.clock-skew = 'PT1H'", "gateway.embedded-database.port = '70000'",
                "gateway.api.max-body-bytes = '10'", "gateway.policy.file = '/nonexistent/policy.yaml'",
                "gateway.statistics.threshold = '4'")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), expected + " in " + problems);
        }
        assertEquals(11, problems.size(), problems.toString());
        assertTrue(failure.getMessage().contains("ISO 3166-1 alpha-2"), "the message says what is allowed");
    }

    @Test
    @DisplayName("a node that the participant registry does not know as configured is refused")
    void nodeMustMatchTheRegistry() throws Exception {
        try (TestRegion region = TestRegion.create(); var keys = Files.list(region.runDir().resolve("keys"))) {
            Path kzKey = keys.filter(k -> k.getFileName().toString().startsWith("kz-")).findFirst().orElseThrow();
            var failure = assertThrows(InvalidConfigurationException.class, () -> start(
                    "--spring.config.additional-location=file:" + region.runDir().resolve("kz/application.yml"),
                    "--gateway.node.country=KG",
                    "--gateway.node.signing-keys[0].kid=kz-rotated-9",
                    "--gateway.node.signing-keys[0].private-key=" + kzKey));
            List<String> problems = failure.problems();
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("gateway.node.country = 'KG'")
                    && p.contains("country 'KZ'")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("gateway.node.signing-keys[0].kid = 'kz-rotated-9'")),
                    problems.toString());
        }
    }

    @Test
    @DisplayName("every error of the policy file is reported with its line, among the other problems")
    void policyFileErrorsCarryLines(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path policy = dir.resolve("bad-policy.yaml");
        Files.writeString(policy, Files.readString(TestRegion.POLICY)
                .replace("clockSkew: PT2M", "clockSkew: PT2M\nallowClaimWithoutConsent: true")
                .replace("retention: P14D", "retention: fortnight"));
        try (TestRegion region = TestRegion.create()) {
            var failure = assertThrows(InvalidConfigurationException.class, () -> start(
                    "--spring.config.additional-location=file:" + region.runDir().resolve("kz/application.yml"),
                    "--gateway.policy.file=" + policy));
            List<String> problems = failure.problems();
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("gateway.policy.file: bad-policy.yaml:9:1:")
                    && p.contains("allowClaimWithoutConsent")), problems.toString());
            assertTrue(problems.stream().filter(p -> p.contains("fortnight") || p.contains("retention")).count() >= 2,
                    problems.toString());
        }
    }

    @Test
    @DisplayName("the node's own configuration is valid as prepared for the local region")
    void preparedNodeConfigurationPasses() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            var environment = new org.springframework.core.env.StandardEnvironment();
            var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
                    .load("kz", new org.springframework.core.io.FileSystemResource(region.runDir().resolve("kz/application.yml")));
            yaml.forEach(environment.getPropertySources()::addFirst);
            new StartupConfigurationCheck().onApplicationEvent(new org.springframework.boot.context.event
                    .ApplicationEnvironmentPreparedEvent(null, new org.springframework.boot.SpringApplication(GatewayApplication.class), new String[0],
                    environment));
        }
    }

    private static void start(String... arguments) {
        new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }
}
