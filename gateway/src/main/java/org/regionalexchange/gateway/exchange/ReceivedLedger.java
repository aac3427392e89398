package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.model.RecentJustification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The holder side's record of every request envelope received (table {@code exchange_received}):
 * the replay guard, the stored answer that makes a retry idempotent, and the review queue.
 *
 * <p>A {@code @Component}, not a {@code @Repository}: its statements run through {@code JdbcClient},
 * which already throws Spring's {@code DataAccessException}s, so a translating proxy would add a
 * call per statement and translate nothing.
 */
@Component
class ReceivedLedger {

    /** One received request, as stored. */
    record Received(String senderNode, String jti, UUID requestId, String requestDigest, String requestJws,
            String requesterAgency, String holderAgency, UUID subjectRecordId, Long subjectRecordVersion,
            Instant receivedAt, String outcome, String reviewState, String responseJws, String subjectKey,
            String justificationFingerprint, String justificationNormalizedFingerprint) {

        /** The record the decision on arrival judged, at the version it judged; null if none was. */
        RecordRef judged() {
            return subjectRecordId == null || subjectRecordVersion == null ? null
                    : new RecordRef(subjectRecordId, subjectRecordVersion);
        }

        /**
         * The justification's fingerprints as written on arrival, from the envelope then accepted;
         * empty for a row stored before the ledger kept both.
         */
        Optional<JustificationUses.Fingerprints> fingerprintsOnArrival() {
            return justificationFingerprint == null || justificationNormalizedFingerprint == null ? Optional.empty()
                    : Optional.of(new JustificationUses.Fingerprints(justificationFingerprint,
                            justificationNormalizedFingerprint));
        }
    }

    private static final String COLUMNS = """
            sender_node, jti, request_id, request_digest, request_jws, requester_agency, holder_agency,
            subject_record_id, subject_record_version, received_at, outcome, review_state, response_jws, subject_key,
            justification_fingerprint, justification_normalized_fingerprint""";

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

    /**
     * The requests of {@code holderAgency} with this id (for its reviewers): request ids are chosen by
     * the sending nodes, so two nodes may have used the same one; {@code senderNode} (if not null)
     * says which is meant.
     */
    List<Received> forHolder(UUID requestId, String holderAgency, String senderNode) {
        return jdbc.sql(FOR_HOLDER)
                .param("id", requestId).param("agency", holderAgency).param("node", senderNode)
                .query(ReceivedLedger::map).list();
    }

    /** The query of {@link #forHolder}: by the request id first, the first column of a unique key (V40). */
    static final String FOR_HOLDER = "select " + COLUMNS + """
             from exchange_received where request_id = :id and holder_agency = :agency
            and (cast(:node as varchar) is null or sender_node = :node) order by sender_node""";

    List<Received> waitingForReview(String holderAgency) {
        return jdbc.sql("select " + COLUMNS + """
                 from exchange_received where holder_agency = :agency and review_state = 'WAITING'
                order by received_at, sender_node, jti""").param("agency", holderAgency).query(ReceivedLedger::map).list();
    }

    /** One page of {@link #waitingForReview(String)}, oldest first (the partial index of V10 serves it). */
    List<Received> waitingForReview(String holderAgency, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from exchange_received where holder_agency = :agency and review_state = 'WAITING'
                order by received_at, sender_node, jti limit :limit offset :offset""")
                .param("agency", holderAgency).param("limit", limit).param("offset", offset)
                .query(ReceivedLedger::map).list();
    }

    long countWaitingForReview(String holderAgency) {
        return jdbc.sql("select count(*) from exchange_received where holder_agency = :agency and review_state = 'WAITING'")
                .param("agency", holderAgency).query(Long.class).single();
    }

    /**
     * The row of a received request with its answer, for the access log to insert in one statement
     * with its entry ({@code AccessLog.appendWith}). A second row for the same sender and jti fails
     * (the replay guard). A request left for review waits ({@code WAITING}). The purpose is kept
     * beside the envelope for the statistics (V37), which count the ledger by index.
     */
    static AccessLog.Write insertion(HolderRequest request, ResponseBuilder.Signed answer, Instant receivedAt) {
        VerifiedEnvelope envelope = request.envelope();
        Judgment judgment = answer.judgment();
        Decision decision = judgment.decision();
        return new AccessLog.Write(INSERT, envelope.senderNode(), envelope.jti(), request.requestId(),
                envelope.digest(), envelope.compact(), request.requesterAgency(), request.holder().id(),
                request.purpose(), request.fingerprints().asWritten(), request.fingerprints().normalized(),
                request.subjectKey(), judgment.recordId(), judgment.recordVersion(), receivedAt.atOffset(ZoneOffset.UTC),
                decision.outcome().name(), decision.internalReason().map(ReasonCode::code).orElse(null),
                decision.outcome() == Outcome.PENDING_REVIEW ? "WAITING" : null, answer.jws());
    }

    private static final String INSERT = """
            insert into exchange_received (sender_node, jti, request_id, request_digest, request_jws,
                requester_agency, holder_agency, purpose, justification_fingerprint,
                justification_normalized_fingerprint, subject_key, subject_record_id, subject_record_version,
                received_at, outcome, internal_reason, review_state, response_jws)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Stores the answer decided again at collection, which later retries and collections start from. */
    void collected(String senderNode, UUID requestId, String outcome, String internalReason, String responseJws) {
        jdbc.sql("""
                update exchange_received set outcome = :outcome, internal_reason = :internalReason,
                    response_jws = :response
                where sender_node = :node and request_id = :id""")
                .param("outcome", outcome).param("internalReason", internalReason).param("response", responseJws)
                .param("node", senderNode).param("id", requestId).update();
    }

    /** Records a reviewer's decision and the final answer; false if the request was not waiting. */
    boolean reviewed(String senderNode, UUID requestId, String holderAgency, String reviewState, String reviewDecision, String outcome,
            String internalReason, String responseJws) {
        return jdbc.sql("""
                update exchange_received set review_state = :state, review_decision = cast(:decision as jsonb),
                    outcome = :outcome, internal_reason = :internalReason, response_jws = :response
                where sender_node = :node and request_id = :id and holder_agency = :agency
                    and review_state = 'WAITING'""")
                .param("node", senderNode).param("state", reviewState).param("decision", reviewDecision).param("outcome", outcome)
                .param("internalReason", internalReason).param("response", responseJws).param("id", requestId)
                .param("agency", holderAgency).update() == 1;
    }

    static final JustificationUses.Ledger USES = new JustificationUses.Ledger("exchange_received", "requester_agency",
            "received_at");

    private static final String USES_WITH_AGREEMENTS = JustificationUses.withAgreementsRevision(USES);

    /**
     * One use of the justification by the agency for another subject since {@code since}, if any,
     * and the agreements' revision read in the same statement (the holder's decision asks for both).
     */
    JustificationUses.UsesAndAgreements recentJustificationsWithAgreements(String agency,
            JustificationUses.Fingerprints fingerprints, String subjectKey, Instant since) {
        return JustificationUses.byAnotherSubjectWithAgreements(jdbc, USES_WITH_AGREEMENTS, agency, fingerprints,
                subjectKey, since);
    }

    /** {@link #recentJustificationsWithAgreements}'s uses for many uses, in one statement, in the order given. */
    List<List<RecentJustification>> recentJustificationsAll(List<JustificationUses.Use> uses, Instant since) {
        return JustificationUses.byAnotherSubjectAll(jdbc, USES, uses, since);
    }

    private static Received map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Received(rs.getString("sender_node"), rs.getString("jti"), rs.getObject("request_id", UUID.class),
                rs.getString("request_digest"), rs.getString("request_jws"), rs.getString("requester_agency"),
                rs.getString("holder_agency"), rs.getObject("subject_record_id", UUID.class),
                rs.getObject("subject_record_version", Long.class), rs.getTimestamp("received_at").toInstant(), rs.getString("outcome"), rs.getString("review_state"),
                rs.getString("response_jws"), rs.getString("subject_key"), rs.getString("justification_fingerprint"),
                rs.getString("justification_normalized_fingerprint"));
    }
}
