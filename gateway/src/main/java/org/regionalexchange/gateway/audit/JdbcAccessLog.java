package org.regionalexchange.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The access log in {@code access_log}, appended in the caller's transaction (mandatory): one
 * INSERT of the event's fields and of their content digest, canonical form 2
 * ({@link StoredEvent#computeContentDigest()}, computed here once per append so that the database
 * only links it: building the canonical text in PL/pgSQL was half the cost of an append). The
 * database chains the row as it is inserted (trigger {@code access_log_chain}, migrations V22 and
 * V38): it takes the first of the 16 lanes no other transaction holds (a transaction-level advisory
 * lock, held until the caller's transaction ends), reads the hash of the lane's newest row, and sets
 * the row's id, lane, {@code prev_hash}, {@code canonical_version} and {@code hash}. Concurrent
 * appends therefore commit together, each lane stays one unbroken chain across every replica sharing
 * the database, and a rolled-back transaction leaves nothing in its lane. The caller's transaction
 * must be READ COMMITTED (the trigger refuses others, whose snapshot could miss a lane's newest row).
 * Any database failure here becomes {@link AuditUnavailableException}, and with it the caller's
 * transaction fails (R1).
 */
@Component
class JdbcAccessLog implements AccessLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccessLog.class);

    private static final String INSERT = """
            insert into access_log (occurred_at, node_id, actor, agency, action, record_id, outcome, reason_codes,
                request_id, counterpart_node, counterpart_party, holder_agency, purpose, categories, justification,
                justification_fingerprint, request_digest, response_digest, content_digest)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final Counter appendFailures;

    JdbcAccessLog(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.appendFailures = Counter.builder("gateway.access_log.append.failures")
                .description("Access-log appends that failed (the caller's transaction failed with them)")
                .register(meters);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AccessEvent event) {
        ExchangeDetail x = event.exchange();
        Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        // The row as the database will store it: its content digest is what the verifiers recompute.
        StoredEvent row = new StoredEvent(0, occurredAt, event.nodeId(), event.actor(), event.agency(),
                event.action().name(), event.recordId(), event.outcome(), joined(event.reasonCodes()),
                x == null ? null : x.requestId(), x == null ? null : x.counterpartNode(),
                x == null ? null : x.counterpartParty(), x == null ? null : x.holderAgency(),
                x == null ? null : x.purpose(), x == null ? null : joined(x.categories()),
                x == null ? null : x.justification(), x == null ? null : x.justificationFingerprint(),
                x == null ? null : x.requestDigest(), x == null ? null : x.responseDigest(), null, null, 0, 2, null);
        try {
            jdbc.sql(INSERT)
                    .params(Timestamp.from(occurredAt), row.nodeId(), row.actor(), row.agency(), row.action(),
                            row.recordId(), row.outcome(), row.reasonCodes(), row.requestId(), row.counterpartNode(),
                            row.counterpartParty(), row.holderAgency(), row.purpose(), row.categories(),
                            row.justification(), row.justificationFingerprint(), row.requestDigest(),
                            row.responseDigest(), row.computeContentDigest())
                    .update();
        } catch (DataAccessException | IllegalStateException e) {
            // Types only: the message could quote the row, which carries personal data.
            appendFailures.increment();
            log.error("access log append failed action={} exception={}", event.action(), e.getClass().getSimpleName());
            throw new AuditUnavailableException();
        }
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
