package org.regionalexchange.gateway.audit;

import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log as a hash chain in {@code access_log}, appended in the caller's transaction
 * (mandatory). The head row ({@code access_log_head}) is locked {@code FOR UPDATE} until the
 * caller's transaction ends, so appends of every replica sharing the database are serialized:
 * the next id is the head's plus one and the row seals the head's hash. A rolled-back transaction
 * rolls its rows and the head back together. Any database failure here becomes
 * {@link AuditUnavailableException}, and with it the caller's transaction fails (R1).
 */
@Component
class JdbcAccessLog implements AccessLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccessLog.class);

    private final JdbcClient jdbc;

    JdbcAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AccessEvent event) {
        try {
            Head head = jdbc.sql("select last_id, last_hash from access_log_head for update")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            StoredEvent row = StoredEvent.chain(head.lastId() + 1, event, head.lastHash());
            jdbc.sql("insert into access_log (" + StoredEvent.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.id(), Timestamp.from(row.occurredAt()), row.nodeId(), row.actor(), row.agency(),
                            row.action(), row.recordId(), row.outcome(), row.reasonCodes(), row.requestId(),
                            row.counterpartNode(), row.counterpartParty(), row.holderAgency(), row.purpose(),
                            row.categories(), row.justification(), row.justificationFingerprint(),
                            row.requestDigest(), row.responseDigest(), row.prevHash(), row.hash())
                    .update();
            jdbc.sql("update access_log_head set last_id = ?, last_hash = ?, events = events + 1")
                    .params(row.id(), row.hash()).update();
        } catch (DataAccessException | IllegalStateException e) {
            // Types only: the message could quote the row, which carries personal data.
            log.error("access log append failed action={} exception={}", event.action(), e.getClass().getSimpleName());
            throw new AuditUnavailableException();
        }
    }

    private record Head(long lastId, String lastHash) {
    }
}
