package org.regionalexchange.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import javax.sql.DataSource;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.exchange.HolderSteps;
import org.regionalexchange.gateway.exchange.HolderSteps.Decided;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variants of docs/performance.md P1, one endpoint each, all taking the same body (a request envelope
 * as a requester node sends it) and a bearer token; each adds one layer of the holder's work:
 * <ul>
 * <li>V0: the envelope's payload decoded without any check; in one transaction the record read as
 * the holder reads it (its id by agency and reference, the row, its consents) and one row inserted
 * into {@code bench_access_log}; a JSON answer with the requested categories.
 * <li>V1: V0 behind the node's bearer-token authentication (JWT validated, officer, rate limit).
 * <li>V2: V1 with the holder's decision instead of the bare read: justification history,
 * screening, subject resolution with the record's consents, policy decision, the released data
 * minimized and redacted ({@link HolderSteps#decide}, {@link HolderSteps#answer}).
 * <li>V3: V2 with the envelope accepted as the holder accepts it (registry key, signature, issuer,
 * audience, type, freshness, schema) and the answer signed.
 * <li>V4: the holder's own path ({@link HolderSteps#receive}, what {@code POST /exchange/v1/requests}
 * does): replay and retry ledger, the received request stored, the hash-chained access-log row,
 * one durable commit, behind the same authentication as V1-V3.
 * </ul>
 */
@RestController
class HolderVariants {

    static final String V0 = "/bench/p1/v0";
    static final String V1 = "/bench/p1/v1";
    static final String V2 = "/bench/p1/v2";
    static final String V3 = "/bench/p1/v3";
    static final String V4 = "/bench/p1/v4";

    private static final String JOSE = "application/jose";

    private final HolderSteps steps;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final Clock clock;

    HolderVariants(ApplicationContext context, DataSource dataSource, JdbcClient jdbc, JsonMapper json,
            ParticipantRegistry registry, NodeProperties node, Clock clock) {
        this.steps = HolderSteps.of(context);
        // A JDBC-only transaction, as the holder's path has (InboundExchange): V0-V3 pay what the node pays.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.jdbc = jdbc;
        this.json = json;
        this.registry = registry;
        this.node = node;
        this.clock = clock;
    }

    @PostMapping(path = V0, consumes = JOSE)
    ObjectNode v0(@RequestBody byte[] body) {
        return bare(compact(body), "BENCH_V0");
    }

    @PostMapping(path = V1, consumes = JOSE)
    ObjectNode v1(@RequestBody byte[] body) {
        return bare(compact(body), "BENCH_V1");
    }

    @PostMapping(path = V2, consumes = JOSE)
    ObjectNode v2(@RequestBody byte[] body) {
        Instant now = clock.instant();
        VerifiedEnvelope envelope = unchecked(compact(body));
        return transactions.execute(status -> {
            Decided decided = steps.decide(envelope, now);
            ObjectNode answer = steps.answer(envelope, decided);
            insert("BENCH_V2", envelope.payload(), envelope.digest(), decided, null);
            return answer;
        });
    }

    @PostMapping(path = V3, consumes = JOSE)
    ResponseEntity<String> v3(@RequestBody byte[] body) {
        Instant now = clock.instant();
        VerifiedEnvelope envelope = steps.accept(compact(body), now);
        return jose(transactions.execute(status -> {
            Decided decided = steps.decide(envelope, now);
            String response = steps.signedAnswer(envelope, decided, now);
            insert("BENCH_V3", envelope.payload(), envelope.digest(), decided, CompactJws.digest(response));
            return response;
        }));
    }

    @PostMapping(path = V4, consumes = JOSE)
    ResponseEntity<String> v4(@RequestBody byte[] body) {
        return jose(steps.receive(compact(body)));
    }

    private ObjectNode bare(String compact, String action) {
        CompactJws jws = CompactJws.parse(compact);
        ObjectNode payload = jws.payload();
        JsonNode request = payload.path("request");
        return transactions.execute(status -> {
            ObjectNode answer = json.createObjectNode().put("requestId", payload.path("requestId").asString());
            UUID recordId = jdbc.sql("select id from subject_record where holder_agency = :agency and holder_record_ref = :ref")
                    .param("agency", request.path("holderAgency").asString())
                    .param("ref", request.path("subject").path("holderRecordRef").asString())
                    .query(UUID.class).optional().orElse(null);
            if (recordId != null) {
                Map<String, Object> row = jdbc.sql("select * from subject_record where id = :id").param("id", recordId)
                        .query().singleRow();
                List<Map<String, Object>> consents = jdbc.sql("select * from consent where record_id = :id order by recorded_at")
                        .param("id", recordId).query().listOfRows();
                ObjectNode released = answer.putObject("released");
                for (JsonNode category : request.path("categories")) {
                    Object value = row.get(category.asString().toLowerCase(Locale.ROOT));
                    if (value != null) {
                        released.set(category.asString(), json.readTree(value.toString()));
                    }
                }
                answer.put("consents", consents.size());
            }
            StringJoiner categories = new StringJoiner(",");
            request.path("categories").forEach(c -> categories.add(c.asString()));
            insert(action, payload, jws.digest(), recordId, "UNDECIDED", null, categories.toString(), null);
            return answer;
        });
    }

    /** The envelope as V2 takes it: decoded, the sender read from {@code iss}, nothing verified. */
    private VerifiedEnvelope unchecked(String compact) {
        CompactJws jws = CompactJws.parse(compact);
        ObjectNode payload = jws.payload();
        RegisteredNode sender = registry.node(payload.path("iss").asString()).orElseThrow();
        return new VerifiedEnvelope(jws.kid(), sender.id(), sender.country(), sender.organization(),
                payload.path("jti").asString(), Instant.ofEpochSecond(payload.path("iat").asLong()), payload, compact,
                jws.digest());
    }

    private void insert(String action, ObjectNode payload, String requestDigest, Decided decided, String responseDigest) {
        StringJoiner reasons = new StringJoiner(",");
        decided.decision().internalReason().ifPresent(code -> reasons.add(code.code()));
        decided.decision().requesterView().reasons().stream().map(Reason::code).forEach(code -> reasons.add(code.code()));
        StringJoiner categories = new StringJoiner(",");
        decided.decision().requesterView().released().stream().map(Category::name).forEach(categories::add);
        insert(action, payload, requestDigest, decided.recordId(), decided.decision().outcome().name(),
                reasons.length() == 0 ? null : reasons.toString(), categories.toString(), responseDigest);
    }

    /**
     * One row shaped like the holder's access-log row of a decided request, without the chain; its
     * time bound as the node binds its own (an {@code OffsetDateTime}).
     */
    private void insert(String action, ObjectNode payload, String requestDigest, UUID recordId, String outcome,
            String reasons, String categories, String responseDigest) {
        JsonNode request = payload.path("request");
        String sender = payload.path("iss").asString();
        String justification = request.path("justification").asString();
        jdbc.sql("""
                insert into bench_access_log (occurred_at, actor, agency, node_id, action, record_id, outcome,
                    reason_codes, request_id, counterpart_node, counterpart_party, holder_agency, purpose, categories,
                    justification, justification_fingerprint, request_digest, response_digest)
                values (:at, :actor, :agency, :node, :action, :recordId, :outcome, :reasons, :requestId, :sender,
                    :party, :holder, :purpose, :categories, :justification, :fingerprint, :requestDigest,
                    :responseDigest)""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("actor", payload.path("officer").asString())
                .param("agency", payload.path("requesterAgency").asString()).param("node", node.id())
                .param("action", action).param("recordId", recordId).param("outcome", outcome).param("reasons", reasons)
                .param("requestId", UUID.fromString(payload.path("requestId").asString())).param("sender", sender)
                .param("party", registry.node(sender).map(RegisteredNode::country).orElse(null))
                .param("holder", request.path("holderAgency").asString())
                .param("purpose", request.path("purpose").asString()).param("categories", categories)
                .param("justification", justification)
                .param("fingerprint", JustificationFingerprint.of(justification).sha256Hex())
                .param("requestDigest", requestDigest).param("responseDigest", responseDigest).update();
    }

    private static String compact(byte[] body) {
        return new String(body, StandardCharsets.US_ASCII).trim();
    }

    private static ResponseEntity<String> jose(String compact) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(JOSE)).body(compact);
    }
}
