package org.regionalexchange.gateway.records;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the records of a holding agency that could be the person an identity query names
 * (docs/design.md §6 step 6). It returns every candidate — none, one or many — and never picks
 * one: deciding that exactly one must match is the policy's job.
 *
 * <p>A record is a candidate when its folded family name (as written or in Latin) equals the
 * query's, the query's given names fit its given names ({@link NameFolding}), and the birth dates
 * are compatible (partial dates overlap; an unknown birth date is compatible). A nationality or a
 * document number in the query removes only records that contradict it, never records that lack it.
 */
@Component
public class IdentityMatcher {

    private final EntityManager em;

    IdentityMatcher(EntityManager em) {
        this.em = em;
    }

    /** The ids of the candidate records of {@code holderAgency}, sorted. */
    @Transactional(readOnly = true)
    public List<UUID> candidates(String holderAgency, IdentityQuery query) {
        String familyKey = NameFolding.key(query.familyName());
        BirthDates birth = BirthDates.of(query.dateOfBirth());
        List<SubjectRecord> sameFamilyName = em.createQuery("""
                        select r from SubjectRecord r
                        where r.holderAgency = :agency
                          and (r.familyNameKey = :key or r.latinFamilyNameKey = :key)
                          and (r.birthFrom is null or (r.birthFrom <= :to and r.birthTo >= :from))""",
                        SubjectRecord.class)
                .setParameter("agency", holderAgency)
                .setParameter("key", familyKey)
                .setParameter("from", birth.from())
                .setParameter("to", birth.to())
                .getResultList();
        return select(sameFamilyName, query);
    }

    /**
     * {@link #candidates} for many queries in one read of the records bearing any of their family
     * names; each query (null: one that matches nothing) gets, in order, exactly its candidates, since
     * {@link SubjectRecord#couldBe} checks the family name and the birth dates that the single read
     * narrows by.
     */
    @Transactional(readOnly = true)
    public List<List<UUID>> candidatesAll(String holderAgency, List<IdentityQuery> queries) {
        List<String> keys = queries.stream().filter(java.util.Objects::nonNull)
                .map(q -> NameFolding.key(q.familyName())).distinct().toList();
        List<SubjectRecord> sameFamilyNames = keys.isEmpty() ? List.of() : em.createQuery("""
                        select r from SubjectRecord r
                        where r.holderAgency = :agency
                          and (r.familyNameKey in :keys or r.latinFamilyNameKey in :keys)""", SubjectRecord.class)
                .setParameter("agency", holderAgency)
                .setParameter("keys", keys)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        return queries.stream().map(q -> q == null ? List.<UUID>of() : select(sameFamilyNames, q)).toList();
    }

    /** The records of {@code records} that could be the person of {@code query}, as sorted ids. */
    static List<UUID> select(Collection<SubjectRecord> records, IdentityQuery query) {
        String familyKey = NameFolding.key(query.familyName());
        String givenKey = NameFolding.key(query.givenNames());
        BirthDates birth = BirthDates.of(query.dateOfBirth());
        return records.stream()
                .filter(r -> r.couldBe(query, familyKey, givenKey, birth, PersonalDataAccess.FOR_IDENTITY_MATCHING))
                .map(SubjectRecord::id)
                .sorted()
                .toList();
    }
}
