package org.regionalexchange.gateway.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.regionalexchange.policy.model.RecentJustification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The holder side's record of every request envelope received (table {@code exchange_received}):
 * the replay guard, the stored answer that makes a retry idempotent, and the review queue.
 */
@Repository
class ReceivedLedger {

    /** One received request, as stored. */
    record Received(String senderNode, String jti, UUID requestId, String requestDigest, String requestJws,
            String requesterAgency, String holderAgency, UUID subjectRecordId, Instant receivedAt, String outcome,
            String reviewState, String responseJws) {
    }

    private static final String COLUMNS = """
            sender_node, jti, request_id, request_digest, request_jws, requester_agency, holder_agency,
            subject_record_id, received_at, outcome, review_state, response_jws""";

    private final JdbcClient jdbc;

    ReceivedLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Received> byJti(String senderNode, String jti) {
        return jdbc.sql("select " + COLUMNS + " from exchange_received where sender_node = :node and jti = :jti")
                .param("node", senderNode).param("jti", jti).query(ReceivedLedger::map).optional();
    }

    Optional<Received> byRequestId(String senderNode, UUID requestId) {
        return jdbc.sql("select " + COLUMNS + " from exchange_received where sender_node = :node and request_id = :id")
                .param("node", senderNode).param("id", requestId).query(ReceivedLedger::map).optional();
    }

    /** A request of {@code holderAgency} by id, whoever sent it (for its reviewers). */
    Optional<Received> forHolder(UUID requestId, String holderAgency) {
        return jdbc.sql("select " + COLUMNS + " from exchange_received where request_id = :id and holder_agency = :agency")
                .param("id", requestId).param("agency", holderAgency).query(ReceivedLedger::map).optional();
    }

    List<Received> waitingForReview(String holderAgency) {
        return jdbc.sql("select " + COLUMNS + """
                 from exchange_received where holder_agency = :agency and review_state = 'WAITING'
                order by received_at""").param("agency", holderAgency).query(ReceivedLedger::map).list();
    }

    /** Stores a received request with its answer. A second row for the same sender and jti fails. */
    void insert(String senderNode, String jti, UUID requestId, String requestDigest, String requestJws,
            String requesterAgency, String holderAgency, String fingerprint, String subjectKey, UUID subjectRecordId,
            Instant receivedAt, String outcome, String internalReason, String reviewState, String responseJws) {
        jdbc.sql("""
                insert into exchange_received (sender_node, jti, request_id, request_digest, request_jws,
                    requester_agency, holder_agency, justification_fingerprint, subject_key, subject_record_id,
                    received_at, outcome, internal_reason, review_state, response_jws)
                values (:node, :jti, :requestId, :digest, :jws, :requester, :holder, :fingerprint, :subjectKey,
                    :recordId, :at, :outcome, :internalReason, :reviewState, :response)""")
                .param("node", senderNode).param("jti", jti).param("requestId", requestId).param("digest", requestDigest)
                .param("jws", requestJws).param("requester", requesterAgency).param("holder", holderAgency)
                .param("fingerprint", fingerprint).param("subjectKey", subjectKey).param("recordId", subjectRecordId)
                .param("at", Timestamp.from(receivedAt)).param("outcome", outcome).param("internalReason", internalReason)
                .param("reviewState", reviewState).param("response", responseJws).update();
    }

    /** Records a reviewer's decision and the final answer; false if the request was not waiting. */
    boolean reviewed(UUID requestId, String holderAgency, String reviewState, String reviewDecision, String outcome,
            String internalReason, String responseJws) {
        return jdbc.sql("""
                update exchange_received set review_state = :state, review_decision = cast(:decision as jsonb),
                    outcome = :outcome, internal_reason = :internalReason, response_jws = :response
                where request_id = :id and holder_agency = :agency and review_state = 'WAITING'""")
                .param("state", reviewState).param("decision", reviewDecision).param("outcome", outcome)
                .param("internalReason", internalReason).param("response", responseJws).param("id", requestId)
                .param("agency", holderAgency).update() == 1;
    }

    /**
     * What the reuse rule needs of the agency's uses of one justification (by fingerprint) since
     * {@code since}: one use for a subject other than {@code subjectKey}, if there is any. Only an
     * equal fingerprint for another subject can be a reuse, so at most one row is read, by two
     * bounded scans of the index on (agency, fingerprint, subject, time) either side of the
     * subject — however often the same justification was used for the same subject.
     */
    List<RecentJustification> recentJustifications(String agency, String fingerprint, String subjectKey, Instant since) {
        return jdbc.sql("""
                (select subject_key, received_at from exchange_received
                 where requester_agency = :agency and justification_fingerprint = :fingerprint and subject_key < :subject
                   and received_at >= :since limit 1)
                union all
                (select subject_key, received_at from exchange_received
                 where requester_agency = :agency and justification_fingerprint = :fingerprint and subject_key > :subject
                   and received_at >= :since limit 1)
                limit 1""")
                .param("agency", agency).param("fingerprint", fingerprint).param("subject", subjectKey)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new RecentJustification(AgencyId.of(agency), new JustificationFingerprint(fingerprint),
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    private static Received map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Received(rs.getString("sender_node"), rs.getString("jti"), rs.getObject("request_id", UUID.class),
                rs.getString("request_digest"), rs.getString("request_jws"), rs.getString("requester_agency"),
                rs.getString("holder_agency"), rs.getObject("subject_record_id", UUID.class),
                rs.getTimestamp("received_at").toInstant(), rs.getString("outcome"), rs.getString("review_state"),
                rs.getString("response_jws"));
    }
}
