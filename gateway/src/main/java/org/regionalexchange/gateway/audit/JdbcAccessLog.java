package org.regionalexchange.gateway.audit;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The access log as inserts into {@code access_log}, in the caller's transaction (mandatory). */
@Component
class JdbcAccessLog implements AccessLog {

    private final JdbcClient jdbc;

    JdbcAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AccessEvent event) {
        jdbc.sql("""
                INSERT INTO access_log (occurred_at, actor, agency, node_id, action, record_id, outcome, reason_codes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(event.occurredAt()), event.actor(), event.agency(), event.nodeId(),
                        event.action().name(), event.recordId(), event.outcome(),
                        event.reasonCodes().isEmpty() ? null : String.join(",", event.reasonCodes()))
                .update();
    }
}
