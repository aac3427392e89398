package org.regionalexchange.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who received what about one person (docs/design.md §9: "who received what about this person,
 * when, for what purpose"), read from the access log.
 *
 * <p>A disclosure is every event about the record that carries released categories, whatever its
 * action: a decision, a retry answered again, a reviewer's approval, an answer collected or
 * released at collection, a liaison's view. No list of actions is kept here, so a new way of
 * releasing is reported as soon as it logs what it released.
 *
 * <p>The recipient is the agency that asked, never the actor of the event: an approval's actor is
 * the holder's own reviewer, a collection's actor is the requester node. For an event of an
 * exchange the recipient agency and officer are those of the request's decision
 * ({@code REQUEST_DECIDED} of the same request from the same node), where the holder recorded
 * them as the requester node sent them; the reviewer who approved the request, if any, is named
 * as approver.
 *
 * <p>A referral is a disclosure too (docs/referrals.md): its {@code REFERRAL_SENT} event, for the
 * record or the screening it came from, names the receiving agency and node, the type (as purpose),
 * the categories it carried and its basis ({@code CONSENT} or {@code CHILD_BEST_INTEREST}), whether
 * the receiver is of this node or of another.
 */
@Component
public class DisclosureReport {

    private static final String QUERY = """
            select d.id, d.occurred_at, d.action, d.outcome, d.request_id, d.actor, d.agency, d.counterpart_node,
                   d.counterpart_party, d.holder_agency, d.purpose, d.categories,
                   asked.actor as asked_by, asked.agency as asking_agency,
                   approval.id as approval_id, approval.actor as approved_by, approval.holder_agency as approver_agency
            from access_log d
            left join lateral (
                select a.actor, a.agency from access_log a
                where a.request_id = d.request_id and a.counterpart_node = d.counterpart_node
                  and a.action = 'REQUEST_DECIDED'
                order by a.id limit 1) asked on true
            left join lateral (
                select r.id, r.actor, r.holder_agency from access_log r
                where r.request_id = d.request_id and r.counterpart_node = d.counterpart_node
                  and r.action = 'REVIEW_DECIDED' and r.categories is not null
                order by r.id limit 1) approval on true
            where d.record_id = :record and d.categories is not null
            order by d.id""";

    private static final String REFERRALS = """
            select d.id, d.occurred_at, d.action, d.outcome, d.actor, d.agency, r.id as referral_id,
                   r.receiver_agency, r.receiver_node, r.type, r.categories, r.basis
            from access_log d join referral r on r.id = d.record_id
            where d.action = 'REFERRAL_SENT' and (r.record_id = :record or r.screening_id = :record)
            order by d.id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ParticipantRegistry registry;

    DisclosureReport(DataSource dataSource, ParticipantRegistry registry) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.registry = registry;
    }

    /**
     * One release about the person: when, by which event, to whom (agency, officer, node, country or
     * organization), approved by whom (a reviewer of the holder agency, or nobody), why and what.
     */
    public record Disclosure(long eventId, Instant at, String action, String outcome, UUID requestId, String recipientAgency,
            String recipientOfficer, String recipientNode, String recipientParty, String approvedBy,
            String approverAgency, String holderAgency, String purpose, List<String> categories, UUID referralId,
            String basis) {

        Disclosure(long eventId, Instant at, String action, String outcome, UUID requestId, String recipientAgency,
                String recipientOfficer, String recipientNode, String recipientParty, String approvedBy,
                String approverAgency, String holderAgency, String purpose, List<String> categories) {
            this(eventId, at, action, outcome, requestId, recipientAgency, recipientOfficer, recipientNode,
                    recipientParty, approvedBy, approverAgency, holderAgency, purpose, categories, null, null);
        }
    }

    /**
     * Everything released about record (or screening) {@code recordId}, oldest first: exchanges and
     * referrals. Read-only; the caller logs the read.
     */
    List<Disclosure> of(UUID recordId) {
        List<Disclosure> found = new java.util.ArrayList<>(jdbc.query(QUERY, Map.of("record", recordId),
                DisclosureReport::disclosure));
        found.addAll(jdbc.query(REFERRALS, Map.of("record", recordId), this::referral));
        found.sort(java.util.Comparator.comparingLong(Disclosure::eventId));
        return found;
    }

    private Disclosure referral(ResultSet rs, int row) throws SQLException {
        String receiver = rs.getString("receiver_agency");
        String party = registry.partyOf(receiver)
                .map(p -> p.country() != null ? p.country() : p.organization()).orElse(null);
        return new Disclosure(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                rs.getString("outcome"), null, receiver, null, rs.getString("receiver_node"), party, null, null,
                rs.getString("agency"), rs.getString("type"), List.of(rs.getString("categories").split(",")),
                rs.getObject("referral_id", UUID.class), rs.getString("basis"));
    }

    private static Disclosure disclosure(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        UUID requestId = rs.getObject("request_id", UUID.class);
        String node = rs.getString("counterpart_node");
        String agency = rs.getString("agency");
        String officer = rs.getString("actor");
        long approvalId = rs.getLong("approval_id");
        boolean isApproval = !rs.wasNull() && approvalId == id;
        if (requestId != null) {
            // The request's decision names who asked. Without it (never expected: the decision is logged
            // with the request), the event's own agency and actor, unless this event is the approval.
            String askingAgency = rs.getString("asking_agency");
            if (askingAgency != null) {
                agency = askingAgency;
                officer = rs.getString("asked_by");
            } else if (isApproval) {
                agency = null;
                officer = null;
            }
        }
        String categories = rs.getString("categories");
        return new Disclosure(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                rs.getString("outcome"), requestId, agency, officerAsSent(officer, node), node,
                rs.getString("counterpart_party"), rs.getString("approved_by"), rs.getString("approver_agency"),
                rs.getString("holder_agency"), rs.getString("purpose"), List.of(categories.split(",")));
    }

    /**
     * The officer as the requester node named it: the holder logs an officer of another node as
     * {@code node:<node>/<officer>}; a node acting for nobody named ({@code node:<id>}) is no officer.
     */
    static String officerAsSent(String actor, String node) {
        if (actor == null) {
            return null;
        }
        if (node != null && actor.startsWith("node:" + node + "/")) {
            return actor.substring(("node:" + node + "/").length());
        }
        return actor.startsWith("node:") ? null : actor;
    }
}
