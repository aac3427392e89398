package org.regionalexchange.gateway.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statistics envelopes, signed as every node message (docs/design.md §7): a node's signed
 * query for a period, and the answering node's signed figures for it, bound to that query by its
 * digest so that an answer cannot be passed off for another query. Only a node of the participant
 * registry gets figures (its query must verify against a registry key). The figures are the same
 * for every node that asks, a country of origin included: they describe no one.
 */
@Component
class StatisticsEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(StatisticsEnvelopes.class);

    /** Why a node's answer was not added: a code of docs/statistics.md ("Reading the region's figures"). */
    static final class NotVerified extends RuntimeException {

        private final String code;

        NotVerified(String code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final EnvelopeSigner signer;
    private final EnvelopeVerifier verifier;
    private final JsonSchemas schemas;
    private final JsonMapper json;
    private final Clock clock;
    private final NodeProperties node;
    private final NodeStatistics statistics;
    private final StatisticsProperties properties;

    StatisticsEnvelopes(EnvelopeSigner signer, EnvelopeVerifier verifier, JsonSchemas schemas, JsonMapper json,
            Clock clock, NodeProperties node, NodeStatistics statistics, StatisticsProperties properties) {
        this.signer = signer;
        this.verifier = verifier;
        this.schemas = schemas;
        this.json = json;
        this.clock = clock;
        this.node = node;
        this.statistics = statistics;
        this.properties = properties;
    }

    /** This node's signed query to {@code nodeId} for the figures of {@code period}. */
    String query(String nodeId, Period period) {
        ObjectNode query = json.createObjectNode();
        query.put("from", period.from().toString());
        query.put("to", period.to().toString());
        return signer.sign(StatisticsMessages.QUERY, nodeId, query, clock.instant());
    }

    /**
     * Answers another node's signed query ({@code Authorization: Signed <jws>}) with this node's
     * signed figures. The query must verify and name the period of the URL.
     */
    String answer(String authorization, String from, String to) {
        if (authorization == null || !authorization.startsWith("Signed ")) {
            throw new ApiException(ErrorCode.ENVELOPE_MALFORMED, "Send the signed query as 'Authorization: Signed <jws>'.");
        }
        String compact = authorization.substring("Signed ".length()).trim();
        VerifiedEnvelope query;
        try {
            query = verifier.verify(compact, StatisticsMessages.QUERY, clock.instant());
        } catch (EnvelopeRejectedException e) {
            log.warn("statistics query refused code={}", e.reason().code());
            // Every envelope reason has its error code of the same name (envelope_bad_signature, ...).
            throw new ApiException(ErrorCode.valueOf(e.reason().code().toUpperCase(Locale.ROOT)),
                    "The signed query was refused (" + e.reason().code() + ").");
        }
        List<FieldError> schemaErrors = schemas.validate("statistics-query", query.payload());
        if (!schemaErrors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION, "The signed query does not match its schema.", schemaErrors);
        }
        if (!query.payload().path("from").asString("").equals(from) || !query.payload().path("to").asString("").equals(to)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The signed query names another period than the URL.",
                    List.of(new FieldError("from", "must equal the signed query's 'from' and 'to'")));
        }
        Period period = Period.parse(from, to, properties, clock);
        ObjectNode answer = json.createObjectNode();
        answer.put("queryDigest", query.digest());
        answer.set("statistics", statistics.forRegion(period));
        log.info("statistics answered node={} from={} to={}", query.senderNode(), period.from(), period.to());
        return signer.sign(StatisticsMessages.STATISTICS, query.senderNode(), answer, clock.instant());
    }

    /** This node's own signed figures for the region view, bound to a query of its own, as any node's. */
    String ownAnswer(String queryEnvelope, Period period) {
        ObjectNode answer = json.createObjectNode();
        answer.put("queryDigest", CompactJws.digest(queryEnvelope));
        answer.set("statistics", statistics.forRegion(period));
        return signer.sign(StatisticsMessages.STATISTICS, node.id(), answer, clock.instant());
    }

    /**
     * Verifies {@code expectedNode}'s answer to {@code queryEnvelope}: signature by a registry key of
     * that node, addressed to this node, fresh, of the statistics type, bound to the query, for the
     * period asked, and well-formed. Returns the figures; anything else is {@link NotVerified}.
     */
    JsonNode verify(String expectedNode, String queryEnvelope, Period period, String answer) {
        Instant now = clock.instant();
        VerifiedEnvelope envelope;
        try {
            envelope = verifier.verify(answer, StatisticsMessages.STATISTICS, now);
        } catch (EnvelopeRejectedException e) {
            throw new NotVerified(e.reason().code(), "the envelope did not verify");
        }
        ObjectNode payload = envelope.payload();
        if (!schemas.validate("statistics-envelope", payload).isEmpty()) {
            throw new NotVerified("statistics_invalid", "the figures do not match their schema");
        }
        JsonNode figures = payload.get("statistics");
        if (!envelope.senderNode().equals(expectedNode) || !figures.path("node").asString().equals(expectedNode)
                || !CompactJws.digest(queryEnvelope).equals(payload.path("queryDigest").asString())
                || !figures.path("from").asString().equals(period.from().toString())
                || !figures.path("to").asString().equals(period.to().toString())) {
            throw new NotVerified("statistics_not_bound", "the figures are not the answer to this node's query");
        }
        return figures;
    }
}
