package org.regionalexchange.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.region.DevTokens;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.TrustedKeys;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The P1 benchmark's application ({@code bench/holder-throughput}) on a node kz with its sample
 * data: each variant answers one real envelope of kg as it should, so that the benchmark measures
 * the work it names and not a refusal or a short cut.
 */
class HolderVariantsIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private static TestRegion region;
    private static ConfigurableApplicationContext kz;
    private static HolderBenchEnvelopes envelopes;
    private static JdbcTemplate db;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        region = TestRegion.create();
        kz = region.start("kz", HolderBenchApplication.SOURCES, HolderBenchApplication.FLYWAY_LOCATIONS,
                "--gateway.sample-data.location=" + TestRegion.sampleData("kz"));
        try (var keys = Files.list(region.runDir().resolve("keys"))) {
            Path kgKey = keys.filter(f -> f.getFileName().toString().matches("kg-.*\\.key\\.pem")).findFirst().orElseThrow();
            envelopes = new HolderBenchEnvelopes(kgKey);
        }
        db = new JdbcTemplate(kz.getBean(DataSource.class));
        token = region.token("KZ-MIGRATION", "officer");
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("V0 reads the record and writes one plain row, without looking at any token")
    void v0() {
        int rows = plainRows("BENCH_V0");
        JsonNode answer = json(post(HolderVariants.V0, envelope(), null), 200);
        assertEquals("Rahimi", answer.path("released").path("IDENTITY").path("familyName").asString(), answer.toString());
        assertTrue(answer.path("released").has("CLAIM"), answer.toString());
        assertEquals(1, answer.path("consents").asInt());
        assertEquals(rows + 1, plainRows("BENCH_V0"));
    }

    @Test
    @DisplayName("V1 refuses a missing or invalid token with 401 and answers an officer's token as V0 does")
    void v1() throws Exception {
        int rows = plainRows("BENCH_V1");
        assertProblem(post(HolderVariants.V1, envelope(), null), 401, ErrorCode.AUTHENTICATION_REQUIRED.code());
        String forged = new DevTokens(region.issuer(), region.audience(), PemKeys.generateRsa().getPrivate())
                .mint("KZ-MIGRATION", List.of("officer"), "someone@kz-migration", Instant.now(), Duration.ofMinutes(5));
        assertProblem(post(HolderVariants.V1, envelope(), forged), 401, ErrorCode.INVALID_TOKEN.code());
        assertEquals(rows, plainRows("BENCH_V1"), "nothing written for a refused call");
        JsonNode answer = json(post(HolderVariants.V1, envelope(), token), 200);
        assertTrue(answer.path("released").has("CLAIM"), answer.toString());
        assertEquals(rows + 1, plainRows("BENCH_V1"));
    }

    @Test
    @DisplayName("V2 decides as the holder does: RELEASED with the consented claim, one plain row with the outcome")
    void v2() {
        int rows = plainRows("BENCH_V2");
        JsonNode answer = json(post(HolderVariants.V2, envelope(), token), 200);
        assertEquals("RELEASED", answer.path("outcome").asString(), answer.toString());
        assertTrue(answer.path("released").has("CLAIM"), answer.toString());
        assertEquals("RSD_CASE_PROCESSING", answer.path("handling").path("permittedUse").asString());
        assertEquals(rows + 1, plainRows("BENCH_V2"));
        assertEquals("RELEASED", db.queryForObject(
                "select outcome from bench_access_log where action = 'BENCH_V2' order by id desc limit 1", String.class));
    }

    @Test
    @DisplayName("V3 refuses a tampered envelope with 401 envelope_bad_signature and signs a verifiable RELEASED answer")
    void v3() {
        int rows = plainRows("BENCH_V3");
        String envelope = envelope();
        char c = envelope.charAt(envelope.length() - 5);
        String tampered = envelope.substring(0, envelope.length() - 5) + (c == 'A' ? 'B' : 'A')
                + envelope.substring(envelope.length() - 4);
        assertProblem(post(HolderVariants.V3, tampered, token), 401, "envelope_bad_signature");
        assertEquals(rows, plainRows("BENCH_V3"), "nothing written for a refused envelope");
        JsonNode signed = signedAnswer(post(HolderVariants.V3, envelope, token), envelope);
        assertTrue(signed.path("released").has("CLAIM"), signed.toString());
        assertEquals(rows + 1, plainRows("BENCH_V3"));
    }

    @Test
    @DisplayName("V4 is the holder's own path: a verifiable RELEASED answer, exactly one access-log row, no plain row")
    void v4() {
        int plain = db.queryForObject("select count(*) from bench_access_log", Integer.class);
        int logged = db.queryForObject("select count(*) from access_log", Integer.class);
        String envelope = envelope();
        JsonNode signed = signedAnswer(post(HolderVariants.V4, envelope, token), envelope);
        assertEquals(logged + 1, db.queryForObject("select count(*) from access_log", Integer.class));
        assertEquals("RELEASED", db.queryForObject("select outcome from access_log where action = 'REQUEST_DECIDED'"
                + " and request_id = cast(? as uuid)", String.class, signed.path("requestId").asString()));
        assertEquals(1, db.queryForObject("select count(*) from exchange_received where request_id = cast(? as uuid)",
                Integer.class, signed.path("requestId").asString()));
        assertEquals(plain, db.queryForObject("select count(*) from bench_access_log", Integer.class));
        assertProblem(post(HolderVariants.V4, envelope, null), 401, ErrorCode.AUTHENTICATION_REQUIRED.code());
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String envelope() {
        return envelopes.envelope(NEXT.incrementAndGet(), HolderBenchEnvelopes.SAMPLE_RECORD, Instant.now());
    }

    private static HttpResponse<String> post(String path, String envelope, String bearer) {
        return Http.post(region.uri("kz", path), bearer, "application/jose", envelope.getBytes(StandardCharsets.US_ASCII));
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    /** The answer's payload, after checking its signature, its schema, its request and that it released. */
    private static JsonNode signedAnswer(HttpResponse<String> response, String request) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jose"));
        CompactJws jws = EnvelopeVerifier.verifySignatureOnly(response.body(),
                new TrustedKeys(kz.getBean(ParticipantRegistry.class)));
        JsonNode payload = jws.payload();
        assertEquals(List.of(), kz.getBean(JsonSchemas.class).validate("exchange-response", payload));
        assertEquals("gateway-response+jwt", jws.typ());
        assertEquals("kz", payload.path("iss").asString());
        assertEquals("kg", payload.path("aud").asString());
        assertEquals(CompactJws.digest(request), payload.path("requestDigest").asString());
        assertEquals("RELEASED", payload.path("outcome").asString(), payload.toString());
        return payload;
    }

    private static int plainRows(String action) {
        return db.queryForObject("select count(*) from bench_access_log where action = ?", Integer.class, action);
    }
}
