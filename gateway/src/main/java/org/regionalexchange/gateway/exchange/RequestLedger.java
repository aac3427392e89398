package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.policy.model.RecentJustification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requester side's record of every request sent and of the holder's signed answer, the
 * evidence (table {@code exchange_request}).
 *
 * <p>Not a {@code @Repository}, for the reason {@link ReceivedLedger} gives.
 */
@Component
class RequestLedger {

    /** One sent request, as stored ({@code justificationFingerprint}: of the text as written). */
    record SentRequest(UUID id, String officer, String agency, String holderAgency, String holderNode,
            String justificationFingerprint, String requestJws, String requestDigest, String status, String outcome,
            String responseJws, String responseKid, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    RequestLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The row of a request about to be sent, for the access log to insert in one statement with its
     * entry ({@code AccessLog.appendWith}). The officer's request is kept once, in the signed
     * envelope.
     */
    static AccessLog.Write insertion(UUID id, String officer, String agency, String holderAgency, String holderNode,
            String purpose, JustificationUses.Fingerprints fingerprints, String subjectKey, String requestJws,
            String requestDigest, Instant now) {
        return new AccessLog.Write("""
                insert into exchange_request (id, officer, agency, holder_agency, holder_node, purpose,
                    justification_fingerprint, justification_normalized_fingerprint, subject_key, request_jws,
                    request_digest, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?)""", id, officer, agency, holderAgency, holderNode,
                purpose, fingerprints.asWritten(), fingerprints.normalized(), subjectKey, requestJws, requestDigest,
                now.atOffset(ZoneOffset.UTC));
    }

    /** The holder's answer stored on the request's row, for the access log to make in one statement with its entry. */
    static AccessLog.Write answer(UUID id, String status, String outcome, String responseJws, String responseKid,
            Instant now) {
        return new AccessLog.Write("""
                update exchange_request set status = ?, outcome = ?, response_jws = ?, response_kid = ?,
                    answered_at = ? where id = ?""", status, outcome, responseJws, responseKid, now.atOffset(ZoneOffset.UTC), id);
    }

    void undelivered(UUID id) {
        jdbc.sql("update exchange_request set status = 'UNDELIVERED' where id = :id and status = 'SENT'")
                .param("id", id).update();
    }

    /** The request {@code id} if it was sent by {@code agency}; another agency's request is not found. */
    Optional<SentRequest> find(UUID id, String agency) {
        return jdbc.sql("""
                select id, officer, agency, holder_agency, holder_node, justification_fingerprint, request_jws,
                    request_digest, status, outcome, response_jws, response_kid, created_at
                from exchange_request where id = :id and agency = :agency""")
                .param("id", id).param("agency", agency)
                .query((rs, n) -> new SentRequest(rs.getObject("id", UUID.class), rs.getString("officer"),
                        rs.getString("agency"), rs.getString("holder_agency"), rs.getString("holder_node"),
                        rs.getString("justification_fingerprint"), rs.getString("request_jws"), rs.getString("request_digest"), rs.getString("status"),
                        rs.getString("outcome"), rs.getString("response_jws"), rs.getString("response_kid"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The requests {@code agency} sent, newest first: no personal data, only what and when. */
    List<RequestDesk.SentSummary> sentBy(String agency, int offset, int limit) {
        return jdbc.sql("""
                select id, holder_agency, purpose, status, outcome, created_at from exchange_request
                where agency = :agency order by created_at desc, id limit :limit offset :offset""")
                .param("agency", agency).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new RequestDesk.SentSummary(rs.getObject("id", UUID.class),
                        rs.getString("holder_agency"), rs.getString("purpose"), rs.getString("status"),
                        rs.getString("outcome"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long countSentBy(String agency) {
        return jdbc.sql("select count(*) from exchange_request where agency = :agency").param("agency", agency)
                .query(Long.class).single();
    }

    static final JustificationUses.Ledger USES = new JustificationUses.Ledger("exchange_request", "agency",
            "created_at");

    /** One use of the justification by the agency for another subject since {@code since}, if any. */
    List<RecentJustification> recentJustifications(String agency, JustificationUses.Fingerprints fingerprints,
            String subjectKey, Instant since) {
        return JustificationUses.byAnotherSubject(jdbc, USES, agency, fingerprints, subjectKey, since);
    }
}
