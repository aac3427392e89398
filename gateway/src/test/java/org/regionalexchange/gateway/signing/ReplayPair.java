package org.regionalexchange.gateway.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.regionalexchange.bench.HolderBenchEnvelopes;
import org.regionalexchange.gateway.keys.PemKeys;

import tools.jackson.databind.node.ObjectNode;

/**
 * Two request envelopes of kg, both validly signed and under one {@code jti} but with different
 * requests: the second is a replay, which every replica of the holder must refuse once the first
 * was answered by any of them (bench/replicas).
 *
 * <pre>ReplayPair KG_PRIVATE_KEY.pem OUTPUT</pre> writes the two envelopes, one per line.
 */
public final class ReplayPair {

    private ReplayPair() {
    }

    public static void main(String[] args) throws IOException {
        Path key = Path.of(args[0]);
        SigningKey signing = new SigningKey(key.getFileName().toString().replace(".key.pem", ""),
                PemKeys.readPrivateKey(key));
        HolderBenchEnvelopes envelopes = new HolderBenchEnvelopes(key);
        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            ObjectNode payload = CompactJws.parse(envelopes.envelope(900_000 + i, HolderBenchEnvelopes.SAMPLE_RECORD, now))
                    .payload();
            payload.put("jti", jti);
            out.append(CompactJws.sign(signing, HolderBenchEnvelopes.TYPE, payload)).append('\n');
        }
        Files.writeString(Path.of(args[1]), out, StandardCharsets.US_ASCII);
    }
}
