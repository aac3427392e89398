package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.regionalexchange.gateway.agreements.Agreements;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.regionalexchange.policy.model.NormalizedJustification;
import org.regionalexchange.policy.model.RecentJustification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the reuse rule needs of a ledger's uses of one justification: one use by the agency, since
 * a given time, for a subject other than the one asked about, if there is any. Only an equal
 * fingerprint for another subject can be a reuse — of the normalized text (particulars taken out,
 * V26) or, for a use stored before the ledgers kept that, of the text as written — so at most one
 * row is read, by bounded scans of the ledger's indexes on (agency, fingerprint, subject, time)
 * either side of the subject (V23, V26), however often the same justification was used for the
 * same subject.
 */
final class JustificationUses {

    /**
     * A ledger's table and the names of its agency and time columns (constants of the code), with
     * its query of {@link #byAnotherSubject}, written once.
     */
    record Ledger(String table, String agencyColumn, String timeColumn, String query, String batchQuery) {

        Ledger(String table, String agencyColumn, String timeColumn) {
            this(table, agencyColumn, timeColumn, positional(sql(table, agencyColumn, timeColumn)),
                    batchSql(sql(table, agencyColumn, timeColumn)));
        }
    }

    /** One use to look for: the agency, the justification's fingerprints and the subject asked about. */
    record Use(String agency, Fingerprints fingerprints, String subjectKey) {
    }

    /**
     * The two fingerprints a ledger keeps of a justification: of the text as written
     * ({@link JustificationFingerprint#of}) and of its normalized text ({@link NormalizedJustification}).
     */
    record Fingerprints(String asWritten, String normalized) {

        static Fingerprints of(String justification) {
            return new Fingerprints(JustificationFingerprint.of(justification).sha256Hex(),
                    NormalizedJustification.fingerprint(justification).sha256Hex());
        }
    }

    private JustificationUses() {
    }

    /**
     * The query of {@link #byAnotherSubject} for a ledger. Each scan is ordered by the subject, the index's next
     * column after the two equalities: the prepared statement's generic plan must not know the
     * values, and without the order a plan walking another index by time (the statistics' index on
     * {@code received_at}) looks cheaper under {@code limit 1}, yet reads every use in the window
     * when, as usual, all of them are for the same subject (docs/performance.md, P1).
     */
    private static String sql(String table, String agencyColumn, String timeColumn) {
        String scan = "(select subject_key, " + timeColumn + ", justification_fingerprint,"
                + " justification_normalized_fingerprint from " + table + " where " + agencyColumn
                + " = :agency and %1$s = :%2$s%5$s and subject_key %3$s :subject and " + timeColumn
                + " >= :since order by subject_key %4$s limit 1)";
        // Normalized first: it finds every reuse of a use stored since V26 (equal texts have equal
        // normalized texts). A use stored before has no normalized fingerprint and is found as
        // written, if at all: only such rows are in the index of the text as written (V46).
        String storedBefore = " and justification_normalized_fingerprint is null";
        return String.join(" union all ",
                scan.formatted("justification_normalized_fingerprint", "normalized", "<", "desc", ""),
                scan.formatted("justification_normalized_fingerprint", "normalized", ">", "asc", ""),
                scan.formatted("justification_fingerprint", "asWritten", "<", "desc", storedBefore),
                scan.formatted("justification_fingerprint", "asWritten", ">", "asc", storedBefore)) + " limit 1";
    }

    /**
     * The query of one use with its parameters in the order {@link #byAnotherSubject} binds them:
     * each of the four scans takes the agency, a fingerprint, the subject and the time.
     */
    private static String positional(String named) {
        String sql = named.replaceAll(":(agency|normalized|asWritten|subject|since)\\b", "?");
        if (sql.chars().filter(c -> c == '?').count() != 16 || sql.contains(":")) {
            throw new IllegalStateException("the reuse query's parameters changed: " + named);
        }
        return sql;
    }

    /**
     * The query of {@link #byAnotherSubjectAll}: the query of one use, run for each of an array of
     * uses (a lateral join over their arrays, each use numbered), so the same bounded scans run in
     * one statement.
     */
    private static String batchSql(String one) {
        String each = one.replace(":agency", "q.agency").replace(":normalized", "q.normalized")
                .replace(":asWritten", "q.as_written").replace(":subject", "q.subject").replace(":since", "s.since");
        return "select q.n, u.* from (select cast(? as timestamptz) as since) s"
                + " cross join unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),"
                + " cast(? as varchar[])) with ordinality as q(agency, normalized, as_written, subject, n)"
                + " cross join lateral (" + each + ") u";
    }

    /**
     * {@link #byAnotherSubject} for many uses at once, in one statement: for each use, in order,
     * what {@link #byAnotherSubject} gives it alone.
     */
    static List<List<RecentJustification>> byAnotherSubjectAll(JdbcClient jdbc, Ledger ledger, List<Use> uses,
            Instant since) {
        List<List<RecentJustification>> found = new java.util.ArrayList<>(uses.size());
        uses.forEach(use -> found.add(new java.util.ArrayList<>(1)));
        if (uses.isEmpty()) {
            return found;
        }
        jdbc.sql(ledger.batchQuery())
                .params(since.atOffset(ZoneOffset.UTC), uses.stream().map(Use::agency).toArray(String[]::new),
                        uses.stream().map(u -> u.fingerprints().normalized()).toArray(String[]::new),
                        uses.stream().map(u -> u.fingerprints().asWritten()).toArray(String[]::new),
                        uses.stream().map(Use::subjectKey).toArray(String[]::new))
                .query((rs, n) -> {
                    int use = (int) rs.getLong(1) - 1;
                    found.get(use).add(use(rs, 2, uses.get(use).agency()));
                    return use;
                })
                .list();
        return found;
    }

    static List<RecentJustification> byAnotherSubject(JdbcClient jdbc, Ledger ledger, String agency,
            Fingerprints fingerprints, String subjectKey, Instant since) {
        return jdbc.sql(ledger.query()).params(parameters(agency, fingerprints, subjectKey, since))
                .query((rs, n) -> use(rs, 1, agency)).list();
    }

    /** The uses {@link #byAnotherSubject} finds, and the agreements' revision read in the same statement. */
    record UsesAndAgreements(List<RecentJustification> uses, long agreementsRevision) {
    }

    /**
     * The query of {@link #byAnotherSubjectWithAgreements}: the agreements' revision, and beside it
     * the use {@link #byAnotherSubject} finds, if any (nulls if none).
     */
    static String withAgreementsRevision(Ledger ledger) {
        return "select a.revision, u.* from (select " + Agreements.REVISION_SUBQUERY + " as revision) a left join ("
                + ledger.query() + ") u on true";
    }

    /**
     * {@link #byAnotherSubject}, with the agreements' revision read in the same statement: the two
     * reads the holder makes before its decision besides the record, in one round trip.
     *
     * @param query {@link #withAgreementsRevision} of the ledger, kept by the caller
     */
    static UsesAndAgreements byAnotherSubjectWithAgreements(JdbcClient jdbc, String query, String agency,
            Fingerprints fingerprints, String subjectKey, Instant since) {
        Long[] revision = {null};
        List<RecentJustification> uses = new java.util.ArrayList<>(1);
        jdbc.sql(query).params(parameters(agency, fingerprints, subjectKey, since)).query(rs -> {
            revision[0] = rs.getLong(1);
            if (rs.getString(2) != null) {
                uses.add(use(rs, 2, agency));
            }
        });
        if (revision[0] == null) {
            throw new IllegalStateException("the agreements' revision was not read");
        }
        return new UsesAndAgreements(List.copyOf(uses), revision[0]);
    }

    /** The parameters of the query of one use, in the order it binds them ({@link #positional}). */
    private static Object[] parameters(String agency, Fingerprints fingerprints, String subjectKey, Instant since) {
        // An instant is bound as an OffsetDateTime (timestamptz, written by java.time), not as a
        // java.sql.Timestamp, which the driver writes through a Calendar: the holder binds this one
        // four times on every request.
        OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
        return new Object[] {agency, fingerprints.normalized(), subjectKey, from, agency, fingerprints.normalized(),
                subjectKey, from, agency, fingerprints.asWritten(), subjectKey, from, agency, fingerprints.asWritten(),
                subjectKey, from};
    }

    /** The use in the row's columns from {@code first} on: subject, time, fingerprint, normalized fingerprint. */
    private static RecentJustification use(java.sql.ResultSet rs, int first, String agency) throws java.sql.SQLException {
        return new RecentJustification(AgencyId.of(agency), new JustificationFingerprint(rs.getString(first + 2)),
                Optional.ofNullable(rs.getString(first + 3)).map(JustificationFingerprint::new), rs.getString(first),
                rs.getTimestamp(first + 1).toInstant());
    }
}
