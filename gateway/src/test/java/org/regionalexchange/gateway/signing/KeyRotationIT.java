package org.regionalexchange.gateway.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A holder's signing key rotated without a flag day (docs/operations.md, "Key rotation"): the new
 * key is published in the registry beside the old one and the peers pick it up; the holder then
 * signs with the new key; answers signed before and after both verify, at the peer and offline.
 */
class KeyRotationIT {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    @DisplayName("kz publishes a second key, kg restarts with the new registry, kz switches to the new key; result: answers of both keys accepted by kg and verified offline")
    void rotationWithoutAFlagDay() throws IOException {
        try (TestRegion region = TestRegion.create()) {
            region.start("kz");
            region.start("kg");
            String ref = "KZ-ROT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            registerAt(region, ref);
            String oldKid = region.start("kz").getBean(EnvelopeSigner.class).kid();

            JsonNode before = ask(region, ref, "KG-SMS-2026-ROT1");
            assertEquals(oldKid, before.path("evidence").path("keyId").asString());

            // 1. The new key pair; its public half joins the registry beside the old one.
            Path keys = region.runDir().resolve("keys");
            String newKid = "kz-rotated-2";
            KeyPair pair = PemKeys.generateEd25519();
            Path newPrivate = keys.resolve(newKid + ".key.pem");
            Files.writeString(newPrivate, PemKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Path registry = region.runDir().resolve("registry.yaml");
            ObjectNode document = (ObjectNode) YAML.readTree(Files.readString(registry));
            for (JsonNode node : document.path("nodes")) {
                if ("kz".equals(node.path("id").asString())) {
                    ObjectNode key = ((ArrayNode) node.path("keys")).addObject();
                    key.put("kid", newKid);
                    key.put("publicKey", PemKeys.toPem(pair.getPublic()));
                }
            }
            Files.writeString(registry, YAML.writeValueAsString(document));

            // 2. Every peer (and kz itself) reads the registry with both keys; kz still signs with the old one.
            region.stop("kg");
            region.start("kg");
            region.stop("kz");
            region.start("kz");
            assertEquals(oldKid, ask(region, ref, "KG-SMS-2026-ROT2").path("evidence").path("keyId").asString());

            // 3. kz switches: the new key first (active), the old one still held.
            region.stop("kz");
            region.start("kz", "--gateway.node.signing-keys[0].kid=" + newKid,
                    "--gateway.node.signing-keys[0].private-key=" + newPrivate,
                    "--gateway.node.signing-keys[1].kid=" + oldKid,
                    "--gateway.node.signing-keys[1].private-key=" + keys.resolve(oldKid + ".key.pem"));
            JsonNode after = ask(region, ref, "KG-SMS-2026-ROT3");
            assertEquals(newKid, after.path("evidence").path("keyId").asString());
            var wellKnown = Http.get(region.uri("kz", "/.well-known/gateway-node"), null);
            assertTrue(wellKnown.body().contains(newKid), wellKnown.body());

            // 4. The answer stored before the switch still reads back at kg, and both verify offline.
            var stored = Http.get(region.uri("kg", "/api/v1/requests/" + before.path("requestId").asString()),
                    region.token("KG-SMS", "officer"));
            assertEquals(200, stored.statusCode(), stored.body());
            assertEquals(oldKid, Problems.json(stored.body()).path("evidence").path("keyId").asString());
            assertEquals(0, verifyOffline(registry, before, region.runDir().resolve("before.jws")));
            assertEquals(0, verifyOffline(registry, after, region.runDir().resolve("after.jws")));

            // Without the old key in the registry, the old evidence would no longer verify: keep it published.
            ObjectNode withoutOld = (ObjectNode) YAML.readTree(Files.readString(registry));
            for (JsonNode node : withoutOld.path("nodes")) {
                if ("kz".equals(node.path("id").asString())) {
                    ((ArrayNode) node.path("keys")).remove(0);
                }
            }
            Path pruned = region.runDir().resolve("registry-pruned.yaml");
            Files.writeString(pruned, YAML.writeValueAsString(withoutOld));
            assertNotEquals(0, verifyOffline(pruned, before, region.runDir().resolve("before.jws")));
            assertEquals(0, verifyOffline(pruned, after, region.runDir().resolve("after.jws")));
        }
    }

    private static void registerAt(TestRegion region, String ref) {
        var created = Http.postJson(region.uri("kz", "/api/v1/records"), region.token("KZ-MIGRATION", "registrar"), """
                { "holderRecordRef": "%s",
                  "identity": { "familyName": "Rahimi", "givenNames": "Sohrab", "dateOfBirth": "1980-07-07", "nationalities": ["AF"] },
                  "caseStatus": { "status": "REFUGEE", "statusDate": "2025-05-05" } }""".formatted(ref));
        assertEquals(201, created.statusCode(), created.body());
    }

    private static JsonNode ask(TestRegion region, String ref, String caseRef) {
        var answer = Http.postJson(region.uri("kg", "/api/v1/requests"), region.token("KG-SMS", "officer"), """
                { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "%s" }, "purpose": "DOCUMENT_VERIFICATION",
                  "legalBasis": "AGREEMENT", "requesterCaseRef": "%s",
                  "justification": "The refugee certificate he showed must be verified for our case %s before renewal; he lives on street %s.",
                  "categories": ["IDENTITY", "CASE_STATUS"] }""".formatted(ref, caseRef, caseRef, RegionData.word(caseRef)));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode outcome = Problems.json(answer.body());
        assertEquals("RELEASED", outcome.path("outcome").asString(), answer.body());
        return outcome;
    }

    private static int verifyOffline(Path registry, JsonNode outcome, Path file) throws IOException {
        Files.writeString(file, outcome.path("evidence").path("responseJws").asString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return EvidenceTool.run(new String[] {"verify", registry.toString(), file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
