package org.regionalexchange.gateway.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.testing.TestRegion;

/** deploy/verify-evidence: a stored response verifies offline against the registry, bound to its request. */
class EvidenceToolTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a stored response verifies offline, is bound to its request, and a changed one does not verify")
    void verifiesStoredEvidence() throws Exception {
        try (TestRegion region = TestRegion.create(); var keys = Files.list(region.runDir().resolve("keys"))) {
            Path kzKeyFile = keys.filter(k -> k.getFileName().toString().matches("kz-.*\\.key\\.pem")).findFirst().orElseThrow();
            SigningKey kzKey = new SigningKey(kzKeyFile.getFileName().toString().replace(".key.pem", ""),
                    PemKeys.readPrivateKey(kzKeyFile));
            String request = "eyJhbGciOiJFZERTQSJ9.e30.c2ln";
            var payload = CompactJws.JSON.createObjectNode().put("outcome", "RELEASED")
                    .put("requestDigest", CompactJws.digest(request));
            String response = new EnvelopeSigner("kz", kzKey).sign("exchange-response+jwt", "kg", payload,
                    Instant.parse("2026-01-01T00:00:00Z"));
            Files.writeString(dir.resolve("response.jws"), response);
            Files.writeString(dir.resolve("request.jws"), request);
            Files.writeString(dir.resolve("other-request.jws"), request + "x");
            Files.writeString(dir.resolve("tampered.jws"), response.replace(response.substring(40, 41),
                    response.charAt(40) == 'A' ? "B" : "A"));
            String registry = region.runDir().resolve("registry.yaml").toString();

            var out = new ByteArrayOutputStream();
            assertEquals(0, EvidenceTool.run(new String[] {"verify", registry, dir.resolve("response.jws").toString(),
                    dir.resolve("request.jws").toString()}, new PrintStream(out), System.err));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("VERIFIED signature of node 'kz'") && printed.contains("bound to the given request")
                    && printed.contains("2026-01-01T00:00:00Z"), printed);

            var err = new ByteArrayOutputStream();
            assertEquals(1, EvidenceTool.run(new String[] {"verify", registry, dir.resolve("response.jws").toString(),
                    dir.resolve("other-request.jws").toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err)));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("requestDigest"));
            assertEquals(1, EvidenceTool.run(new String[] {"verify", registry, dir.resolve("tampered.jws").toString()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
            assertEquals(2, EvidenceTool.run(new String[] {"verify", registry}, System.out,
                    new PrintStream(new ByteArrayOutputStream())));
        }
    }
}
