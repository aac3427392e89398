package org.regionalexchange.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.SigningKey;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request envelopes for the P1 benchmark, as node kg sends them to kz: KG-SMS asks KZ-MIGRATION
 * about one record for RSD case processing (IDENTITY, CASE_STATUS, CLAIM), which the sample
 * record's consent releases. Each envelope has its own jti, request id and case reference (with a
 * justification naming it), so that none is a replay or a reuse of another's justification.
 *
 * <pre>HolderBenchEnvelopes KG_PRIVATE_KEY.pem COUNT OUTPUT [HOLDER_RECORD_REF [URGENCY]]</pre>
 * writes COUNT envelopes, one per line, signed now; URGENCY {@code ROUTINE} (the default) or
 * {@code URGENT} (an urgent request beyond identity waits for a reviewer at the holder, by the
 * region's policy: bench/console-load fills the review queue with them).
 */
public final class HolderBenchEnvelopes {

    public static final String SAMPLE_RECORD = "KZ-2026-000123";
    public static final String TYPE = "gateway-request+jwt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EnvelopeSigner signer;
    private final String series = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    public HolderBenchEnvelopes(Path kgPrivateKey) throws IOException {
        String kid = kgPrivateKey.getFileName().toString().replace(".key.pem", "");
        this.signer = new EnvelopeSigner("kg", new SigningKey(kid, PemKeys.readPrivateKey(kgPrivateKey)));
    }

    /** Envelope {@code index} of this series about {@code holderRecordRef}, signed at {@code now}. */
    public String envelope(int index, String holderRecordRef, Instant now) {
        return envelope(index, holderRecordRef, now, "ROUTINE");
    }

    /** The same with the request's {@code urgency}. */
    public String envelope(int index, String holderRecordRef, Instant now, String urgency) {
        String caseRef = "KG-SMS-" + series + "-" + index;
        ObjectNode message = JSON.createObjectNode();
        message.put("requestId", UUID.randomUUID().toString());
        message.put("requesterAgency", "KG-SMS");
        message.put("officer", "bench.officer@kg-sms");
        ObjectNode request = message.putObject("request");
        request.put("holderAgency", "KZ-MIGRATION");
        request.putObject("subject").put("holderRecordRef", holderRecordRef);
        request.put("purpose", "RSD_CASE_PROCESSING");
        request.put("legalBasis", "AGREEMENT");
        request.put("requesterCaseRef", caseRef);
        request.put("justification", "Applicant states he lodged a claim in Almaty in January 2026; we must establish"
                + " the outcome before deciding his claim under our case " + caseRef + ".");
        request.putArray("categories").add("IDENTITY").add("CASE_STATUS").add("CLAIM");
        request.put("urgency", urgency);
        return signer.sign(TYPE, "kz", message, now);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: HolderBenchEnvelopes KG_PRIVATE_KEY.pem COUNT OUTPUT [HOLDER_RECORD_REF [URGENCY]]");
            System.exit(2);
        }
        HolderBenchEnvelopes envelopes = new HolderBenchEnvelopes(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        String ref = args.length > 3 ? args[3] : SAMPLE_RECORD;
        String urgency = args.length > 4 ? args[4] : "ROUTINE";
        Instant now = Instant.now();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                out.write(envelopes.envelope(i, ref, now, urgency));
                out.write('\n');
            }
        }
    }
}
