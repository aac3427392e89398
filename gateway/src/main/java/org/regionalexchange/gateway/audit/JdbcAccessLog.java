package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The access log in {@code access_log}, appended in the caller's transaction (mandatory): one
 * INSERT of the event's fields and of their content digest (alone, or after the caller's own write
 * in the same statement: {@link #appendWith}), canonical form 2
 * ({@link StoredEvent#computeContentDigest()}, computed here once per append so that the database
 * only links it: building the canonical text in PL/pgSQL was half the cost of an append). The
 * database chains the row as it is inserted (trigger {@code access_log_chain}, migrations V22, V38
 * and V45): it takes the first of the 16 lanes no other transaction holds, counting round from the
 * connection's own lane (a transaction-level advisory lock, held until the caller's transaction
 * ends), reads the hash of the lane's newest row, and sets the row's id, lane, {@code prev_hash}, {@code canonical_version} and {@code hash}. Concurrent
 * appends therefore commit together, each lane stays one unbroken chain across every replica sharing
 * the database, and a rolled-back transaction leaves nothing in its lane. The caller's transaction
 * must be READ COMMITTED (the trigger refuses others, whose snapshot could miss a lane's newest row).
 * Any database failure here becomes {@link AuditUnavailableException}, and with it the caller's
 * transaction fails (R1).
 */
@Component
class JdbcAccessLog implements AccessLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccessLog.class);

    private static final String COLUMNS = """
            occurred_at, node_id, actor, agency, action, record_id, outcome, reason_codes, request_id,
            counterpart_node, counterpart_party, holder_agency, purpose, categories, justification,
            justification_fingerprint, request_digest, response_digest, content_digest""";
    private static final String INSERT = "insert into access_log (" + COLUMNS + ") values ("
            + String.join(", ", java.util.Collections.nCopies(19, "?")) + ")";

    /**
     * The statement of each caller's write (constants of the code, a handful), built once: the same
     * text each time is parsed once by the template and found at once in the driver's statement cache.
     */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final Counter appendFailures;

    JdbcAccessLog(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.appendFailures = Counter.builder("gateway.access_log.append.failures")
                .description("Access-log appends that failed (the caller's transaction failed with them)")
                .register(meters);
    }

    @Override
    public void append(AccessEvent event) {
        requireCallersTransaction();
        try {
            jdbc.sql(INSERT).params(values(event)).update();
        } catch (DataAccessException | IllegalStateException e) {
            throw unavailable(event, e);
        }
    }

    /**
     * The caller's write and the event's row in one statement: {@code WITH written AS (write)
     * INSERT INTO access_log ...}. PostgreSQL runs a data-modifying {@code WITH} to completion
     * whether or not the main statement reads it, and the trigger chains the row as in
     * {@link #append}.
     */
    @Override
    public void appendWith(AccessEvent event, Write write) {
        requireCallersTransaction();
        try {
            List<Object> parameters = new ArrayList<>(write.values());
            parameters.addAll(Arrays.asList(values(event)));
            jdbc.sql(STATEMENTS.computeIfAbsent(write.sql(), sql -> "with written as (" + sql + ") " + INSERT))
                    .params(parameters).update();
        } catch (DuplicateKeyException e) {
            // The caller's unique key (the log's id comes from its sequence): the caller decides.
            throw e;
        } catch (DataAccessException | IllegalStateException e) {
            throw unavailable(event, e);
        }
    }

    /**
     * An entry is written only in its caller's transaction, which makes the data it records
     * releasable or stored: {@code Propagation.MANDATORY}, checked here rather than by a proxy's
     * interceptor, as every exchange appends (the interceptor cost more than the check).
     */
    private static void requireCallersTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An access-log entry is appended only in its caller's transaction");
        }
    }

    /**
     * The event's column values in the order of {@link #COLUMNS}, with its content digest: the row
     * as the database will store it, whose digest is what the verifiers recompute.
     */
    private static Object[] values(AccessEvent event) {
        ExchangeDetail x = event.exchange();
        Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        StoredEvent row = new StoredEvent(0, occurredAt, event.nodeId(), event.actor(), event.agency(),
                event.action().name(), event.recordId(), event.outcome(), joined(event.reasonCodes()),
                x == null ? null : x.requestId(), x == null ? null : x.counterpartNode(),
                x == null ? null : x.counterpartParty(), x == null ? null : x.holderAgency(),
                x == null ? null : x.purpose(), x == null ? null : joined(x.categories()),
                x == null ? null : x.justification(), x == null ? null : x.justificationFingerprint(),
                x == null ? null : x.requestDigest(), x == null ? null : x.responseDigest(), null, null, 0, 2, null);
        return new Object[] {occurredAt.atOffset(ZoneOffset.UTC), row.nodeId(), row.actor(), row.agency(), row.action(),
                row.recordId(), row.outcome(), row.reasonCodes(), row.requestId(), row.counterpartNode(),
                row.counterpartParty(), row.holderAgency(), row.purpose(), row.categories(), row.justification(),
                row.justificationFingerprint(), row.requestDigest(), row.responseDigest(), row.computeContentDigest()};
    }

    private AuditUnavailableException unavailable(AccessEvent event, RuntimeException e) {
        // Types only: the message could quote the row, which carries personal data.
        appendFailures.increment();
        log.error("access log append failed action={} exception={}", event.action(), e.getClass().getSimpleName());
        return new AuditUnavailableException();
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
