package org.regionalexchange.gateway.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.directory.RegistryFile;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException.Reason;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;

import tools.jackson.databind.node.ObjectNode;

/**
 * Envelopes between nodes of a prepared region (real keys, real registry, no server). Each test:
 * kz signs an envelope for kg, something about it is wrong; result: kg refuses it with a reason.
 */
class EnvelopeVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String TYPE = "exchange-request+jwt";

    private static TrustedKeys trusted;
    private static SigningKey kzKey;
    private static EnvelopeSigner kz;
    private static EnvelopeVerifier kg;

    @BeforeAll
    static void region() throws Exception {
        try (TestRegion region = TestRegion.create()) {
            ConfigurationProblems problems = new ConfigurationProblems();
            trusted = new TrustedKeys(RegistryFile.read(region.runDir().resolve("registry.yaml"), new JsonSchemas(),
                    problems).orElseThrow());
            Path keyFile;
            try (var keys = Files.list(region.runDir().resolve("keys"))) {
                keyFile = keys.filter(k -> k.getFileName().toString().matches("kz-.*\\.key\\.pem")).findFirst().orElseThrow();
            }
            kzKey = new SigningKey(keyFile.getFileName().toString().replace(".key.pem", ""), PemKeys.readPrivateKey(keyFile));
            kz = new EnvelopeSigner("kz", kzKey);
            kg = new EnvelopeVerifier("kg", trusted, Duration.ofSeconds(120));
        }
    }

    private static ObjectNode message() {
        ObjectNode message = CompactJws.JSON.createObjectNode();
        message.put("purpose", "RSD_CASE_PROCESSING");
        return message;
    }

    @Test
    @DisplayName("kz signs for kg; kg verifies it and learns the sender's country from the registry")
    void roundTrip() {
        String envelope = kz.sign(TYPE, "kg", message(), NOW);
        VerifiedEnvelope verified = kg.verify(envelope, TYPE, NOW.plusSeconds(5));
        assertEquals("kz", verified.senderNode());
        assertEquals("KZ", verified.senderCountry());
        assertEquals(kzKey.kid(), verified.kid());
        assertEquals("RSD_CASE_PROCESSING", verified.payload().get("purpose").asString());
        assertEquals(CompactJws.digest(envelope), verified.digest());
        assertEquals(JwsAlgorithm.EDDSA, kzKey.algorithm());
    }

    @Test
    @DisplayName("a character changed anywhere in the envelope, to any other base64url character, never verifies (R3)")
    void anyChangedCharacterIsRefused() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int round = 0; round < 20; round++) {
            String envelope = kz.sign(TYPE, "kg", message(), NOW);
            int refused = 0;
            for (int i = 0; i < envelope.length(); i++) {
                char c = envelope.charAt(i);
                if (c == '.') {
                    continue;
                }
                // Every replacement at the last position (where unused bits hide), one elsewhere.
                boolean last = i == envelope.length() - 1 || envelope.charAt(i + 1) == '.';
                for (char replacement : (last ? alphabet : alphabet.substring((i * 7 + round) % 64, (i * 7 + round) % 64 + 1))
                        .toCharArray()) {
                    if (replacement == c) {
                        continue;
                    }
                    String tampered = envelope.substring(0, i) + replacement + envelope.substring(i + 1);
                    String where = "position " + i + " '" + c + "' -> '" + replacement + "'";
                    assertThrows(EnvelopeRejectedException.class, () -> kg.verify(tampered, TYPE, NOW), where);
                }
                refused++;
            }
            assertEquals(envelope.length() - 2, refused);
        }
    }

    @Test
    @DisplayName("an envelope for another node is refused by kg")
    void misaddressed() {
        assertReason(Reason.WRONG_AUDIENCE, () -> kg.verify(kz.sign(TYPE, "tj", message(), NOW), TYPE, NOW));
    }

    @Test
    @DisplayName("an envelope issued outside the clock window is refused, either way")
    void staleAndFuture() {
        String envelope = kz.sign(TYPE, "kg", message(), NOW);
        assertReason(Reason.STALE, () -> kg.verify(envelope, TYPE, NOW.plusSeconds(121)));
        assertReason(Reason.FUTURE, () -> kg.verify(envelope, TYPE, NOW.minusSeconds(121)));
        kg.verify(envelope, TYPE, NOW.plusSeconds(120));
    }

    @Test
    @DisplayName("a key that is not in the registry is refused, even with a valid signature")
    void unknownKey() {
        SigningKey stranger = new SigningKey("kz-stranger", PemKeys.generateEd25519().getPrivate());
        assertReason(Reason.UNKNOWN_KEY,
                () -> kg.verify(new EnvelopeSigner("kz", stranger).sign(TYPE, "kg", message(), NOW), TYPE, NOW));
    }

    @Test
    @DisplayName("rotation: with two keys of kz in the registry, envelopes of both verify; a key taken out no longer does")
    void keyRotation(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var next = PemKeys.generateEd25519();
        SigningKey nextKey = new SigningKey("kz-next", next.getPrivate());
        try (TestRegion region = TestRegion.create()) {
            var yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();
            var registry = (ObjectNode) yaml.readTree(Files.readString(region.runDir().resolve("registry.yaml")));
            for (var node : registry.get("nodes")) {
                if (node.get("id").asString().equals("kz")) {
                    ((tools.jackson.databind.node.ArrayNode) node.get("keys")).addObject().put("kid", "kz-next")
                            .put("publicKey", PemKeys.toPem(next.getPublic()));
                }
            }
            Path rotated = dir.resolve("registry.yaml");
            Files.writeString(rotated, yaml.writeValueAsString(registry));
            ConfigurationProblems problems = new ConfigurationProblems();
            TrustedKeys both = new TrustedKeys(RegistryFile.read(rotated, new JsonSchemas(), problems).orElseThrow());
            EnvelopeVerifier kgDuringRotation = new EnvelopeVerifier("kg", both, Duration.ofSeconds(120));
            EnvelopeSigner kzNew = new EnvelopeSigner("kz", nextKey);
            assertEquals("kz-next", kgDuringRotation.verify(kzNew.sign(TYPE, "kg", message(), NOW), TYPE, NOW).kid());
            Path currentFile;
            try (var keys = Files.list(region.runDir().resolve("keys"))) {
                currentFile = keys.filter(k -> k.getFileName().toString().matches("kz-\\d.*\\.key\\.pem")).findFirst()
                        .orElseThrow();
            }
            EnvelopeSigner kzCurrent = new EnvelopeSigner("kz", new SigningKey(
                    currentFile.getFileName().toString().replace(".key.pem", ""), PemKeys.readPrivateKey(currentFile)));
            assertEquals("kz", kgDuringRotation.verify(kzCurrent.sign(TYPE, "kg", message(), NOW), TYPE, NOW).senderNode());
        }
        // The registry without the new key (the region's own): the new key is unknown.
        assertReason(Reason.UNKNOWN_KEY, () -> kg.verify(new EnvelopeSigner("kz", nextKey).sign(TYPE, "kg", message(), NOW),
                TYPE, NOW));
    }

    @Test
    @DisplayName("kz's key claiming to be kg is refused: the issuer is the key's node")
    void issuerMustOwnTheKey() {
        assertReason(Reason.WRONG_ISSUER,
                () -> kg.verify(new EnvelopeSigner("tj", kzKey).sign(TYPE, "kg", message(), NOW), TYPE, NOW));
    }

    @Test
    @DisplayName("a header naming another algorithm than the key's is refused")
    void algorithmConfusion() {
        String envelope = kz.sign(TYPE, "kg", message(), NOW);
        String[] parts = envelope.split("\\.");
        ObjectNode header = (ObjectNode) CompactJws.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[0]));
        header.put("alg", "ES256");
        String forged = CompactJws.encode(CompactJws.JSON.writeValueAsBytes(header)) + "." + parts[1] + "." + parts[2];
        assertReason(Reason.ALGORITHM_MISMATCH, () -> kg.verify(forged, TYPE, NOW));
    }

    @Test
    @DisplayName("a header carrying its own key (jwk) is malformed: keys come only from the registry")
    void embeddedKeyIsRefused() {
        String envelope = kz.sign(TYPE, "kg", message(), NOW);
        String[] parts = envelope.split("\\.");
        ObjectNode header = (ObjectNode) CompactJws.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[0]));
        header.putObject("jwk").put("kty", "OKP");
        String forged = CompactJws.encode(CompactJws.JSON.writeValueAsBytes(header)) + "." + parts[1] + "." + parts[2];
        assertReason(Reason.MALFORMED, () -> kg.verify(forged, TYPE, NOW));
    }

    @Test
    @DisplayName("a response type where a request is expected is refused")
    void wrongType() {
        assertReason(Reason.WRONG_TYPE,
                () -> kg.verify(kz.sign("exchange-response+jwt", "kg", message(), NOW), TYPE, NOW));
    }

    @Test
    @DisplayName("malformed envelopes are refused without evaluation")
    void malformed() {
        for (String bad : new String[] {"", "a.b", "a.b.c.d", "e30.e30.", "e30=.e30.AA", "W10.e30.AA", "!!.e30.AA",
                "x".repeat(CompactJws.MAX_LENGTH + 1)}) {
            assertReason(Reason.MALFORMED, () -> kg.verify(bad, TYPE, NOW));
        }
    }

    @Test
    @DisplayName("kz signs an envelope whose iat is no sane time (1e18, negative, past year 9999, a string, a fraction, null); result: MALFORMED, never another failure")
    void insaneIssueTimesAreMalformed() {
        for (String iat : new String[] {"1000000000000000000", "-1", "-1000000000000000000", "253402300800",
                "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e18", "1.7e9", "1700000000.5",
                "\"1700000000\"", "null", "true", "[]", "{}"}) {
            ObjectNode payload = (ObjectNode) CompactJws.JSON.readTree(
                    "{\"iss\":\"kz\",\"aud\":\"kg\",\"jti\":\"j-" + iat.hashCode() + "\",\"iat\":" + iat + "}");
            String envelope = CompactJws.sign(kzKey, TYPE, payload);
            assertReason(Reason.MALFORMED, () -> kg.authenticate(envelope, TYPE));
            assertReason(Reason.MALFORMED, () -> kg.verify(envelope, TYPE, NOW));
        }
        ObjectNode edge = (ObjectNode) CompactJws.JSON.readTree("{\"iss\":\"kz\",\"aud\":\"kg\",\"jti\":\"j-edge\","
                + "\"iat\":253402300799}");
        assertReason(Reason.FUTURE, () -> kg.verify(CompactJws.sign(kzKey, TYPE, edge), TYPE, NOW));
    }

    @Test
    @DisplayName("ES256 signatures are R||S, 64 bytes, and verify; a changed message does not")
    void es256() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC", PemKeys.BC);
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        SigningKey key = new SigningKey("p256", pair.getPrivate());
        assertEquals(JwsAlgorithm.ES256, key.algorithm());
        byte[] input = "header.payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = key.sign(input);
        assertEquals(64, signature.length);
        var publicKey = JwsAlgorithm.publicParameters(pair.getPublic());
        assertEquals(true, JwsAlgorithm.ES256.verify(publicKey, input, signature));
        assertEquals(false, JwsAlgorithm.ES256.verify(publicKey, "header.payloaD".getBytes(), signature));
    }

    private static void assertReason(Reason expected, org.junit.jupiter.api.function.Executable call) {
        EnvelopeRejectedException e = assertThrows(EnvelopeRejectedException.class, call);
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
