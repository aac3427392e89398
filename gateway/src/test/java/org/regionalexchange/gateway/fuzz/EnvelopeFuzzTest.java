package org.regionalexchange.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.BeforeAll;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.directory.RegistryFile;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.TrustedKeys;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;

/**
 * Fuzz targets for envelope parsing and verification (QUALITY.md R4). Whatever the bytes, the only
 * failure is an {@link EnvelopeRejectedException}: anything else (a runtime exception, an error)
 * fails the target. Replayed from the committed inputs in every build; fuzzed for a set time by
 * {@code bench/fuzz}.
 */
class EnvelopeFuzzTest {

    private static EnvelopeVerifier verifier;
    private static TrustedKeys keys;

    @BeforeAll
    static void region() {
        try (TestRegion region = TestRegion.create()) {
            ConfigurationProblems problems = new ConfigurationProblems();
            keys = new TrustedKeys(RegistryFile.read(region.runDir().resolve("registry.yaml"), new JsonSchemas(), problems)
                    .orElseThrow());
            verifier = new EnvelopeVerifier("kg", keys, Duration.ofMinutes(2));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void parseAndVerify(byte[] input) {
        String envelope = new String(input, StandardCharsets.ISO_8859_1);
        try {
            CompactJws.parse(envelope);
        } catch (EnvelopeRejectedException expected) {
            // the one allowed failure
        }
        try {
            verifier.verify(envelope, "gateway-request+jwt", Instant.now());
        } catch (EnvelopeRejectedException expected) {
            // the one allowed failure
        }
        try {
            EnvelopeVerifier.verifySignatureOnly(envelope, keys);
        } catch (EnvelopeRejectedException expected) {
            // the one allowed failure
        }
    }
}
