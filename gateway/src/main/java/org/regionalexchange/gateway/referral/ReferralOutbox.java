package org.regionalexchange.gateway.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.node.ObjectNode;

/**
 * The sender's outbox of messages to other nodes (table {@code referral_outbox}): written in the
 * transaction that sends the referral or takes the step, so a message exists exactly when its
 * change does. The {@link ReferralCourier} delivers them, oldest first and one referral's messages
 * in order.
 */
@Component
class ReferralOutbox {

    static final String REFERRAL = "REFERRAL";
    static final String STEP = "STEP";

    /** One message, as the courier needs it. */
    record Message(long id, UUID messageId, UUID referralId, String kind, String targetNode, String message,
            int attempts) {
    }

    /** The state of a referral's messages on this node, for its {@code delivery} view. */
    record Delivery(String state, int attempts, Instant deliveredAt, String lastError, int pendingSteps) {
    }

    private final JdbcTemplate jdbc;
    private volatile Runnable onCommit = () -> { };

    ReferralOutbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Called after every commit that added a message: the courier wakes up instead of waiting for its next round. */
    void onCommit(Runnable wake) {
        this.onCommit = wake;
    }

    /** Adds a message in the caller's transaction; the courier is woken once it commits. */
    void add(UUID referralId, String kind, String targetNode, ObjectNode message, Instant now) {
        jdbc.update("""
                insert into referral_outbox (message_id, referral_id, kind, target_node, message, state, attempts,
                    created_at, next_attempt_at)
                values (?, ?, ?, ?, cast(? as jsonb), 'PENDING', 0, ?, ?)""",
                UUID.fromString(message.get("messageId").asString()), referralId, kind, targetNode, message.toString(),
                Timestamp.from(now), Timestamp.from(now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommit.run();
                }
            });
        }
    }

    /**
     * Cancels the referral's own message while it is still undelivered: it never leaves. Waits for
     * an attempt under way (its row lock), so a referral is either delivered or cancelled.
     */
    boolean cancelUndelivered(UUID referralId) {
        return jdbc.update("update referral_outbox set state = 'CANCELLED' where referral_id = ? and kind = 'REFERRAL'"
                + " and state = 'PENDING'", referralId) > 0;
    }

    /**
     * The next due message, locked for the caller's transaction: the oldest one whose referral has no
     * older message still pending (a step never overtakes the referral or an earlier step).
     */
    Optional<Message> nextDue(Instant now) {
        List<Message> found = jdbc.query("""
                select o.id, o.message_id, o.referral_id, o.kind, o.target_node, o.message::text as message, o.attempts
                from referral_outbox o
                where o.state = 'PENDING' and o.next_attempt_at <= ?
                  and not exists (select 1 from referral_outbox p
                                  where p.referral_id = o.referral_id and p.state = 'PENDING' and p.id < o.id)
                order by o.next_attempt_at, o.id
                limit 1
                for update of o skip locked""", (rs, row) -> new Message(rs.getLong("id"),
                rs.getObject("message_id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getString("kind"),
                rs.getString("target_node"), rs.getString("message"), rs.getInt("attempts")), Timestamp.from(now));
        return found.stream().findFirst();
    }

    /** When the next message falls due, if any is pending. */
    Optional<Instant> nextDueAt() {
        Timestamp at = jdbc.queryForObject("select min(next_attempt_at) from referral_outbox where state = 'PENDING'",
                Timestamp.class);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    void delivered(long id, String envelope, String receipt, Instant now) {
        jdbc.update("update referral_outbox set state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,"
                + " delivered_at = ?, envelope = ?, receipt = ?, last_error = null where id = ?", Timestamp.from(now),
                Timestamp.from(now), envelope, receipt, id);
    }

    void refused(long id, String envelope, String code, Instant now) {
        jdbc.update("update referral_outbox set state = 'REFUSED', attempts = attempts + 1, last_attempt_at = ?,"
                + " envelope = ?, last_error = ? where id = ?", Timestamp.from(now), envelope, code, id);
    }

    void retryAt(long id, String envelope, String error, Instant now, Instant next) {
        jdbc.update("update referral_outbox set attempts = attempts + 1, last_attempt_at = ?, envelope = ?,"
                + " last_error = ?, next_attempt_at = ? where id = ?", Timestamp.from(now), envelope, error,
                Timestamp.from(next), id);
    }

    /** The delivery of a referral's messages from this node; empty when none ever left (a same-node referral). */
    Optional<Delivery> delivery(UUID referralId) {
        return Optional.ofNullable(deliveries(List.of(referralId)).get(referralId));
    }

    /**
     * The deliveries of several referrals (a list's page) in one statement, by referral id; a
     * referral none of whose messages ever left this node is not in it.
     */
    Map<UUID, Delivery> deliveries(Collection<UUID> referralIds) {
        Map<UUID, Delivery> found = new HashMap<>();
        if (referralIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select i.id, r.state, r.attempts, r.delivered_at, r.last_error,
                       (select count(*) from referral_outbox s where s.referral_id = i.id and s.kind = 'STEP'
                          and s.state = 'PENDING') as pending_steps
                from unnest(cast(? as uuid[])) as i(id)
                left join referral_outbox r on r.referral_id = i.id and r.kind = 'REFERRAL'""",
                (RowCallbackHandler) rs -> {
                    Timestamp delivered = rs.getTimestamp("delivered_at");
                    Delivery delivery = new Delivery(rs.getString("state"), rs.getInt("attempts"),
                            delivered == null ? null : delivered.toInstant(), rs.getString("last_error"),
                            rs.getInt("pending_steps"));
                    if (delivery.state() != null || delivery.pendingSteps() > 0) {
                        found.putIfAbsent(rs.getObject("id", UUID.class), delivery);
                    }
                }, (Object) referralIds.stream().map(UUID::toString).toArray(String[]::new));
        return found;
    }
}
