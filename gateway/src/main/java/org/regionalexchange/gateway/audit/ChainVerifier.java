package org.regionalexchange.gateway.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the access-log chain (QUALITY.md R6): streams every row in id order with a bounded
 * fetch size (a million rows never sit in memory), checks that each row's {@code prev_hash} is the
 * hash of the row before it (the genesis hash for the first) and that its own hash is the SHA-256
 * of its canonical content, and finally that the head row agrees with the last row. The first
 * row that fails is named. Reads one snapshot (repeatable read), so concurrent appends do not
 * disturb it.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(properties.fetchSize());
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The result of a verification.
     *
     * @param firstBrokenEventId the first event whose link or hash fails (or the first id after the
     *                           last good one when the head disagrees); null when valid
     * @param problem            {@code prev_hash_mismatch}, {@code hash_mismatch} or {@code head_mismatch}; null when valid
     */
    public record Verification(boolean valid, long events, String headHash, Long headEventId, Long firstBrokenEventId,
            String problem) {
    }

    public Verification verify() {
        return snapshot.execute(status -> walk());
    }

    private Verification walk() {
        Walk walk = new Walk();
        jdbc.query("select " + StoredEvent.COLUMNS + " from access_log order by id", rs -> {
            if (walk.broken != null) {
                return;
            }
            StoredEvent row = StoredEvent.map(rs, 0);
            if (!walk.previousHash.equals(row.prevHash())) {
                walk.broken = row.id();
                walk.problem = "prev_hash_mismatch";
            } else if (!row.computeHash().equals(row.hash())) {
                walk.broken = row.id();
                walk.problem = "hash_mismatch";
            } else {
                walk.previousHash = row.hash();
                walk.lastId = row.id();
                walk.events++;
            }
        });
        if (walk.broken != null) {
            return new Verification(false, walk.events, null, null, walk.broken, walk.problem);
        }
        var head = jdbc.queryForMap("select last_id, last_hash, events from access_log_head");
        long headId = ((Number) head.get("last_id")).longValue();
        String headHash = (String) head.get("last_hash");
        long headEvents = ((Number) head.get("events")).longValue();
        if (headId != walk.lastId || !walk.previousHash.equals(headHash) || headEvents != walk.events) {
            return new Verification(false, walk.events, null, null, Math.min(headId, walk.lastId) + 1, "head_mismatch");
        }
        return new Verification(true, walk.events, headHash, walk.lastId, null, null);
    }

    private static final class Walk {
        String previousHash = StoredEvent.GENESIS;
        long lastId;
        long events;
        Long broken;
        String problem;
    }
}
