package org.regionalexchange.gateway.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the records of a holding agency that could be the person an identity query names
 * (docs/design.md §6 step 6). It returns every candidate — none, one or many — and never picks
 * one: deciding that exactly one must match is the policy's job.
 *
 * <p>A record is a candidate when its folded family name (as written or in Latin) equals the
 * query's, the query's given names fit its given names ({@link NameFolding}), and the birth dates
 * are compatible (partial dates overlap; an unknown birth date is compatible). A nationality or a
 * document number in the query removes only records that contradict it, never records that lack it.
 *
 * <p>It reads the records' matching keys only, with plain SQL and no transaction of its own: one
 * statement, in the caller's transaction if there is one (the holder's path asks it in its own,
 * JDBC-only transaction). The keys are derived by {@link SubjectRecord} whenever a record is
 * written, and records are written through the entity and flushed at once.
 */
@Component
public class IdentityMatcher {

    /** The matching keys of a record and nothing else of it: what {@link #couldBe} compares. */
    record MatchKeys(UUID id, String familyNameKey, String latinFamilyNameKey, String givenNamesKey,
            String latinGivenNamesKey, LocalDate birthFrom, LocalDate birthTo, String nationalityKeys,
            String documentKeys) {

        /** Whether this record could be the person of {@code query}; compares derived keys only. */
        boolean couldBe(IdentityQuery query, String familyKey, String givenKey, BirthDates birth,
                PersonalDataAccess access) {
            Objects.requireNonNull(access, "access");
            boolean family = familyKey.equals(familyNameKey) || familyKey.equals(latinFamilyNameKey);
            boolean given = NameFolding.givenNamesFit(givenKey, givenNamesKey)
                    || NameFolding.givenNamesFit(givenKey, latinGivenNamesKey);
            // An unknown birth date is compatible: such a record stays a candidate rather than being
            // silently passed over, so an ambiguity is seen as one.
            boolean born = birthFrom == null || birth.overlaps(new BirthDates(birthFrom, birthTo));
            // Narrowing removes a record only when it contradicts the query, never for missing data.
            boolean nationality = query.nationality() == null || nationalityKeys == null
                    || nationalityKeys.contains(" " + query.nationality() + " ");
            boolean document = query.documentNumber() == null || documentKeys == null
                    || documentKeys.contains(" " + query.documentNumber() + " ");
            return family && given && born && nationality && document;
        }
    }

    private static final String KEYS = "select id, family_name_key, latin_family_name_key, given_names_key,"
            + " latin_given_names_key, birth_from, birth_to, nationality_keys, document_keys from subject_record";

    private final JdbcClient jdbc;

    IdentityMatcher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the candidate records of {@code holderAgency}, sorted. */
    public List<UUID> candidates(String holderAgency, IdentityQuery query) {
        String familyKey = NameFolding.key(query.familyName());
        BirthDates birth = BirthDates.of(query.dateOfBirth());
        List<MatchKeys> sameFamilyName = jdbc.sql(KEYS + " where holder_agency = ?"
                        + " and (family_name_key = ? or latin_family_name_key = ?)"
                        + " and (birth_from is null or (birth_from <= ? and birth_to >= ?))")
                .params(holderAgency, familyKey, familyKey, birth.to(), birth.from())
                .query(IdentityMatcher::keys).list();
        return select(sameFamilyName, query);
    }

    /**
     * {@link #candidates} for many queries in one read of the records bearing any of their family
     * names; each query (null: one that matches nothing) gets, in order, exactly its candidates, since
     * {@link MatchKeys#couldBe} checks the family name and the birth dates that the single read
     * narrows by.
     */
    public List<List<UUID>> candidatesAll(String holderAgency, List<IdentityQuery> queries) {
        String[] keys = queries.stream().filter(Objects::nonNull)
                .map(q -> NameFolding.key(q.familyName())).distinct().toArray(String[]::new);
        List<MatchKeys> sameFamilyNames = keys.length == 0 ? List.of() : jdbc.sql(KEYS
                        + " where holder_agency = ? and (family_name_key = any(?) or latin_family_name_key = any(?))")
                .params(holderAgency, keys, keys)
                .query(IdentityMatcher::keys).list();
        return queries.stream().map(q -> q == null ? List.<UUID>of() : select(sameFamilyNames, q)).toList();
    }

    private static MatchKeys keys(ResultSet rs, int row) throws SQLException {
        return new MatchKeys(rs.getObject("id", UUID.class), rs.getString("family_name_key"),
                rs.getString("latin_family_name_key"), rs.getString("given_names_key"),
                rs.getString("latin_given_names_key"), rs.getObject("birth_from", LocalDate.class),
                rs.getObject("birth_to", LocalDate.class), rs.getString("nationality_keys"),
                rs.getString("document_keys"));
    }

    /** The records of {@code records} that could be the person of {@code query}, as sorted ids. */
    static List<UUID> select(Collection<MatchKeys> records, IdentityQuery query) {
        String familyKey = NameFolding.key(query.familyName());
        String givenKey = NameFolding.key(query.givenNames());
        BirthDates birth = BirthDates.of(query.dateOfBirth());
        return records.stream()
                .filter(r -> r.couldBe(query, familyKey, givenKey, birth, PersonalDataAccess.FOR_IDENTITY_MATCHING))
                .map(MatchKeys::id)
                .sorted()
                .toList();
    }
}
