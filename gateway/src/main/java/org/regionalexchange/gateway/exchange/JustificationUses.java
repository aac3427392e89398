package org.regionalexchange.gateway.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.regionalexchange.policy.model.RecentJustification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the reuse rule needs of a ledger's uses of one justification: one use by the agency, since
 * a given time, for a subject other than the one asked about, if there is any. Only an equal
 * fingerprint for another subject can be a reuse, so at most one row is read, by two bounded scans
 * of the ledger's index on (agency, fingerprint, subject, time) either side of the subject (V23),
 * however often the same justification was used for the same subject.
 */
final class JustificationUses {

    /** A ledger's table and the names of its agency and time columns (constants of the code). */
    record Ledger(String table, String agencyColumn, String timeColumn) {
    }

    private JustificationUses() {
    }

    static List<RecentJustification> byAnotherSubject(JdbcClient jdbc, Ledger ledger, String agency, String fingerprint,
            String subjectKey, Instant since) {
        String scan = "(select subject_key, " + ledger.timeColumn() + " from " + ledger.table() + " where "
                + ledger.agencyColumn() + " = :agency and justification_fingerprint = :fingerprint and subject_key %s"
                + " :subject and " + ledger.timeColumn() + " >= :since limit 1)";
        return jdbc.sql(scan.formatted("<") + " union all " + scan.formatted(">") + " limit 1")
                .param("agency", agency).param("fingerprint", fingerprint).param("subject", subjectKey)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new RecentJustification(AgencyId.of(agency), new JustificationFingerprint(fingerprint),
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }
}
