package org.regionalexchange.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.directory.RegistryFile;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;

/**
 * The helper behind deploy/local/region and deploy/local/token (module region-tool), tested here,
 * where the gateway reads what it writes ({@link RegistryFile}).
 */
class RegionToolTest {

    @TempDir
    Path run;

    @Test
    @DisplayName("prepare writes PKCS#8 keys once, a valid registry and one configuration per node")
    void prepare() throws Exception {
        var out = new ByteArrayOutputStream();
        assertEquals(0, RegionTool.run(new String[] {"prepare", TestRegion.DEFINITION.toString(), run.toString()},
                new PrintStream(out), System.err));
        assertEquals("kz 8081\nkg 8082\ntj 8083\n", out.toString(StandardCharsets.UTF_8));
        Path issuerKey = run.resolve(RegionSetup.ISSUER_KEY);
        assertTrue(Files.readString(issuerKey).startsWith("-----BEGIN PRIVATE KEY-----"));
        PemKeys.readPrivateKey(issuerKey);
        String kzKey;
        try (var keys = Files.list(run.resolve("keys"))) {
            Path key = keys.filter(p -> p.getFileName().toString().matches("kz-\\d{4}-1\\.key\\.pem")).findFirst()
                    .orElseThrow();
            kzKey = Files.readString(key);
            assertEquals("Ed25519", PemKeys.readPrivateKey(key).getAlgorithm());
        }
        ConfigurationProblems problems = new ConfigurationProblems();
        var registry = RegistryFile.read(run.resolve("registry.yaml"), new JsonSchemas(), problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertEquals(3, registry.orElseThrow().nodes().size());
        assertTrue(registry.orElseThrow().isAgencyOfNode("UNHCR-KZ", "kz"));
        assertTrue(Files.readString(run.resolve("kg/application.yml")).contains("port: 8082"));

        RegionTool.run(new String[] {"prepare", TestRegion.DEFINITION.toString(), run.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        try (var keys = Files.list(run.resolve("keys"))) {
            Path key = keys.filter(p -> p.getFileName().toString().startsWith("kz-")
                    && p.getFileName().toString().endsWith(".key.pem")).findFirst().orElseThrow();
            assertEquals(kzKey, Files.readString(key), "keys are generated on first start only");
        }
    }

    @Test
    @DisplayName("token prints a JWT naming the agency and role, and refuses unknown agencies and roles")
    void token() {
        RegionTool.run(new String[] {"prepare", TestRegion.DEFINITION.toString(), run.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        var out = new ByteArrayOutputStream();
        assertEquals(0, RegionTool.run(new String[] {"token", TestRegion.DEFINITION.toString(), run.toString(),
                "KG-SMS", "officer", "aida"}, new PrintStream(out), System.err));
        String[] parts = out.toString(StandardCharsets.UTF_8).trim().split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"agency\":\"KG-SMS\"") && claims.contains("\"roles\":[\"officer\"]")
                && claims.contains("\"sub\":\"aida\""), claims);

        var err = new ByteArrayOutputStream();
        assertEquals(2, RegionTool.run(new String[] {"token", TestRegion.DEFINITION.toString(), run.toString(),
                "XX-NOBODY", "officer"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown agency 'XX-NOBODY'"));
        assertEquals(2, RegionTool.run(new String[] {"token", TestRegion.DEFINITION.toString(), run.toString(),
                "KG-SMS", "boss"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown role 'boss'"));
    }
}
