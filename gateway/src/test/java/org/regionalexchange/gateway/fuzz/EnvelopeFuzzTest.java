package org.regionalexchange.gateway.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.BeforeAll;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.directory.RegistryFile;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.TrustedKeys;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;

/**
 * Fuzz targets for envelope parsing and verification (docs/performance.md R4). Whatever the bytes, the only
 * failure is an {@link EnvelopeRejectedException}: anything else (a runtime exception, an error)
 * fails the target. {@link #parseAndVerify} takes the whole envelope; {@link #signedPayload} takes
 * a payload that a registered node's key signs, so that the checks after the signature (issuer,
 * audience, type, {@code iat}, {@code jti}) meet the fuzzed bytes too. Replayed from the committed
 * inputs in every build; fuzzed for a set time by {@code bench/fuzz}.
 */
class EnvelopeFuzzTest {

    private static EnvelopeVerifier verifier;
    private static TrustedKeys keys;
    private static String kzKid;
    private static PrivateKey kzKey;

    @BeforeAll
    static void region() {
        try (TestRegion region = TestRegion.create()) {
            ConfigurationProblems problems = new ConfigurationProblems();
            keys = new TrustedKeys(RegistryFile.read(region.runDir().resolve("registry.yaml"), new JsonSchemas(), problems)
                    .orElseThrow());
            verifier = new EnvelopeVerifier("kg", keys, Duration.ofMinutes(2));
            Path keyFile;
            try (var files = Files.list(region.runDir().resolve("keys"))) {
                keyFile = files.filter(k -> k.getFileName().toString().matches("kz-.*\\.key\\.pem")).findFirst()
                        .orElseThrow();
            }
            kzKid = keyFile.getFileName().toString().replace(".key.pem", "");
            kzKey = PemKeys.readPrivateKey(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    @FuzzTest(maxDuration = "60s")
    void signedPayload(byte[] payload) throws GeneralSecurityException {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + kzKid + "\",\"typ\":\"gateway-request+jwt\"}";
        String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload);
        Signature signature = Signature.getInstance("Ed25519", PemKeys.BC);
        signature.initSign(kzKey);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String envelope = signingInput + "." + base64.encodeToString(signature.sign());
        try {
            verifier.authenticate(envelope, "gateway-request+jwt");
        } catch (EnvelopeRejectedException expected) {
            // the one allowed failure
        }
        try {
            verifier.verify(envelope, "gateway-request+jwt", Instant.now());
        } catch (EnvelopeRejectedException expected) {
            // the one allowed failure
        }
    }
}
