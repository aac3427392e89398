package org.regionalexchange.gateway.signing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.directory.RegistryFile;
import org.regionalexchange.gateway.validation.JsonSchemas;

import tools.jackson.databind.JsonNode;

/**
 * Verifies a stored envelope offline, against a participant registry file (docs/design.md §7:
 * "the requester keeps the signed response as evidence, verifiable offline"):
 *
 * <pre>
 * verify REGISTRY ENVELOPE_FILE [REQUEST_ENVELOPE_FILE]
 * </pre>
 *
 * Prints the signer, key, issue time and the verified payload. With a request envelope, also
 * checks that the response's {@code requestDigest} is that request's SHA-256. Exit codes: 0
 * verified, 1 not verified (the reason is printed), 2 bad arguments or unreadable files.
 */
public final class EvidenceTool {

    private EvidenceTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3 || args.length > 4 || !"verify".equals(args[0])) {
            err.println("usage: verify REGISTRY ENVELOPE_FILE [REQUEST_ENVELOPE_FILE]");
            return 2;
        }
        ConfigurationProblems problems = new ConfigurationProblems();
        var registry = RegistryFile.read(Path.of(args[1]), new JsonSchemas(), problems);
        if (registry.isEmpty()) {
            problems.list().forEach(err::println);
            return 2;
        }
        String envelope;
        String request = null;
        try {
            envelope = Files.readString(Path.of(args[2])).trim();
            if (args.length == 4) {
                request = Files.readString(Path.of(args[3])).trim();
            }
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 2;
        }
        try {
            CompactJws jws = EnvelopeVerifier.verifySignatureOnly(envelope, new TrustedKeys(registry.get()));
            JsonNode payload = jws.payload();
            if (request != null && !CompactJws.digest(request).equals(payload.path("requestDigest").asString())) {
                err.println("NOT VERIFIED: the envelope's requestDigest is not the SHA-256 of the given request");
                return 1;
            }
            out.println("VERIFIED signature of node '" + payload.path("iss").asString() + "' with key '" + jws.kid()
                    + "' (" + jws.alg() + ")");
            out.println("issued at " + Instant.ofEpochSecond(payload.path("iat").asLong()) + ", type " + jws.typ()
                    + (request != null ? ", bound to the given request" : ""));
            out.println(payload.toPrettyString());
            return 0;
        } catch (EnvelopeRejectedException e) {
            err.println("NOT VERIFIED: " + e.getMessage());
            return 1;
        }
    }
}
