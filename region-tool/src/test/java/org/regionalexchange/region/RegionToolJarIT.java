package org.regionalexchange.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as deploy/local/region, deploy/local/token and bench/lib.sh run it
 * ({@code java -jar region-tool-<version>-exec.jar ...}), on the shipped region definition. Each
 * test: a command; result: its exit code and output.
 */
class RegionToolJarIT {

    private static final Path DEFINITION = Path.of("../deploy/local/region.yaml");

    @TempDir
    Path run;

    private record Result(int exit, String out, String err) {
    }

    @Test
    @DisplayName("prepare prints 'id port' per node and writes the keys, the registry and each node's configuration")
    void prepare() throws Exception {
        Result prepared = tool("prepare", DEFINITION.toString(), run.toString());
        assertEquals(0, prepared.exit(), prepared.err());
        assertEquals("kz 8081\nkg 8082\ntj 8083\n", prepared.out());
        assertTrue(Files.readString(run.resolve("keys/dev-issuer.key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(run.resolve("registry.yaml")).contains("KZ-MIGRATION"));
        assertTrue(Files.readString(run.resolve("kg/application.yml")).contains("port: 8082"));
    }

    @Test
    @DisplayName("token prints a JWT of the agency, role and subject; an unknown role or no command is exit 2")
    void token() throws Exception {
        assertEquals(0, tool("prepare", DEFINITION.toString(), run.toString()).exit());
        Result token = tool("token", DEFINITION.toString(), run.toString(), "KG-SMS", "officer", "aida", "5");
        assertEquals(0, token.exit(), token.err());
        String[] parts = token.out().trim().split("\\.");
        assertEquals(3, parts.length, token.out());
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"agency\":\"KG-SMS\"") && claims.contains("\"roles\":[\"officer\"]")
                && claims.contains("\"sub\":\"aida\""), claims);

        Result boss = tool("token", DEFINITION.toString(), run.toString(), "KG-SMS", "boss");
        assertEquals(2, boss.exit());
        assertTrue(boss.err().contains("unknown role 'boss'; expected one of [registrar, officer, reviewer, liaison,"
                + " dpo, admin, screener]"), boss.err());
        Result nothing = tool();
        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().startsWith("usage: prepare DEFINITION RUN_DIR"), nothing.err());
    }

    private Result tool(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("region.tool.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no runnable jar at " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(run.getParent(), "tool-out", ".txt");
        Path err = Files.createTempFile(run.getParent(), "tool-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the tool did not end");
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
