package org.regionalexchange.gateway.checkpoints;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.regionalexchange.gateway.audit.Alert;
import org.regionalexchange.gateway.audit.AlertSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checkpoints this node received from its peers, in {@code peer_checkpoint} (migration V27),
 * append-only: the application's role may only add and read. A round whose answer does not extend
 * the peer's latest consistent checkpoint is kept as an inconsistent row, with the peer's signed
 * answer as evidence, and is an alert ({@code PEER_CHECKPOINT_INCONSISTENT}) for the DPO.
 */
@Component
class PeerCheckpoints implements AlertSource {

    static final String ALERT = "PEER_CHECKPOINT_INCONSISTENT";

    private final JdbcClient jdbc;

    PeerCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest checkpoint of {@code peer} that extended every earlier one held (the JWS as
     * received); what the next round compares the peer's answer with. An inconsistent answer never
     * becomes the base, so a rewrite stays an alert at every round after it.
     */
    Optional<String> latestConsistent(String peer) {
        return jdbc.sql("""
                select checkpoint from peer_checkpoint where peer_node = ? and consistent
                order by id desc limit 1""").params(peer).query(String.class).optional();
    }

    /** A checkpoint of {@code peer} that extends what it published before. */
    void consistent(String peer, Instant receivedAt, SignedCheckpoint checkpoint, String answer) {
        jdbc.sql("""
                insert into peer_checkpoint (peer_node, received_at, checkpoint, signed_at, head_event_id, consistent,
                    answer)
                values (?, ?, ?, ?, ?, true, ?)""")
                .params(peer, Timestamp.from(receivedAt), checkpoint.compact(), Timestamp.from(checkpoint.at()),
                        checkpoint.headEventId(), answer)
                .update();
    }

    /** An answer of {@code peer} that does not extend its checkpoint held here. */
    void inconsistent(String peer, Instant receivedAt, SignedCheckpoint checkpoint, FirstBreak first, String answer) {
        jdbc.sql("""
                insert into peer_checkpoint (peer_node, received_at, checkpoint, signed_at, head_event_id, consistent,
                    problem, lane, event_id, answer)
                values (?, ?, ?, ?, ?, false, ?, ?, ?, ?)""")
                .params(peer, Timestamp.from(receivedAt), checkpoint == null ? null : checkpoint.compact(),
                        checkpoint == null ? null : Timestamp.from(checkpoint.at()),
                        checkpoint == null ? null : checkpoint.headEventId(), first.problem(), first.lane(),
                        first.eventId(), answer)
                .update();
    }

    /**
     * One alert per peer with an inconsistent round at or after {@code since}: how many rounds were
     * inconsistent, the first (whenever it was) and the last, and where the first one broke.
     */
    @Override
    public List<Alert> alerts(Instant since) {
        return jdbc.sql("""
                select peer_node, count(*) as n, min(received_at) as first, max(received_at) as last,
                       (array_agg(problem order by id))[1] as problem, (array_agg(lane order by id))[1] as lane,
                       (array_agg(event_id order by id))[1] as event_id
                from peer_checkpoint where not consistent
                group by peer_node having max(received_at) >= ?
                order by last desc""").params(Timestamp.from(since))
                .query((rs, i) -> {
                    int lane = rs.getInt("lane");
                    Integer laneOrNull = rs.wasNull() ? null : lane;
                    long event = rs.getLong("event_id");
                    Long eventOrNull = rs.wasNull() ? null : event;
                    return new Alert(ALERT, null, null, null, null, rs.getString("peer_node"), rs.getString("problem"),
                            laneOrNull, eventOrNull, rs.getLong("n"), null, rs.getTimestamp("first").toInstant(),
                            rs.getTimestamp("last").toInstant(), null);
                }).list();
    }
}
