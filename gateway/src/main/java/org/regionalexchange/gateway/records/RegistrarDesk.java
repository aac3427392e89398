package org.regionalexchange.gateway.records;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.audit.RecordHistory;
import org.regionalexchange.gateway.audit.RevisionEntry;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's records as the console shows them: the same {@link RecordService} and schema as
 * {@code /api/v1/records}, and a search of the agency's own records by reference or folded name
 * (the keys the identity matcher uses, so "Ахмад" finds "Ahmad"). A search is logged like a read.
 */
@Component
public class RegistrarDesk {

    /** One line of a search: the reference, the names as written and in Latin letters. */
    public record RecordSummary(UUID id, String holderRecordRef, String familyName, String givenNames,
            String latinFamilyName, String latinGivenNames, Instant updatedAt) {
    }

    public record RecordPage(List<RecordSummary> records, int page, int size, long total) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private static final String MATCH = " from SubjectRecord r where r.holderAgency = :agency and (:all = true"
            + " or r.holderRecordRef = :query or r.familyNameKey = :key or r.latinFamilyNameKey = :key"
            + " or r.givenNamesKey = :key or r.latinGivenNamesKey = :key)";

    private final RecordService records;
    private final JsonSchemas schemas;
    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final java.time.Clock clock;
    private final List<RecordHistory> histories;

    RegistrarDesk(RecordService records, JsonSchemas schemas, EntityManager em, AccessLog accessLog,
            NodeProperties node, java.time.Clock clock, List<RecordHistory> histories) {
        this.histories = histories;
        this.records = records;
        this.schemas = schemas;
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.clock = clock;
    }

    /** Page {@code page} (from 0) of the agency's records that carry {@code query}; all when blank. */
    @Transactional
    public RecordPage search(Officer registrar, String query, int page, int size) {
        String given = query == null ? "" : query.strip();
        boolean all = given.isEmpty();
        String key = all ? "" : NameFolding.key(given);
        int safePage = Math.max(0, page);
        long total = em.createQuery("select count(r)" + MATCH, Long.class).setParameter("agency", registrar.agency())
                .setParameter("all", all).setParameter("query", given).setParameter("key", key).getSingleResult();
        List<SubjectRecord> found = em.createQuery("select r" + MATCH + " order by r.updatedAt desc, r.id",
                        SubjectRecord.class)
                .setParameter("agency", registrar.agency()).setParameter("all", all).setParameter("query", given)
                .setParameter("key", key).setFirstResult(safePage * size).setMaxResults(size).getResultList();
        accessLog.append(new AccessEvent(clock.instant(), registrar.subject(), registrar.agency(), node.id(),
                AccessAction.RECORD_READ, null, AccessEvent.OK, List.of()));
        return new RecordPage(found.stream().map(RegistrarDesk::summary).toList(), safePage, size, total);
    }

    /** Registers a record (a document of schema {@code record}) as the API does; returns its id. */
    public UUID register(Officer registrar, JsonNode document, String reason) {
        var errors = schemas.validate("record", document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the record do not match schema 'record'.", errors);
        }
        return RevisionContext.with(reason, null, () -> records.register(registrar, document));
    }

    /**
     * Replaces the record as {@code PUT /api/v1/records/{id}} does, with the version the registrar
     * read ({@code If-Match}): a record changed since is {@code 409 conflict} and stays as it is.
     */
    public ObjectNode update(Officer registrar, UUID id, JsonNode document, long expectedVersion, String reason) {
        var errors = schemas.validate("record", document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the record do not match schema 'record'.", errors);
        }
        return RevisionContext.with(reason, null, () -> records.update(registrar, id, document, expectedVersion));
    }

    /**
     * A name in Latin letters as the node spells it for people to read (the romanization the
     * identity matcher folds names with): shown beside a name as written, never stored by itself.
     */
    public String transliterate(String name) {
        return NameFolding.latin(name);
    }

    /** The record as {@code GET /api/v1/records/{id}} shows it (each read is logged). */
    public ObjectNode read(Officer registrar, UUID id) {
        return records.read(registrar, id);
    }

    /**
     * The record's revisions and those of its consents, oldest first, as the DPO's revisions
     * endpoint merges them; only of a record of the registrar's agency. Logged as a history read.
     */
    @Transactional(noRollbackFor = RecordNotVisible.class)
    public List<RevisionEntry> history(Officer registrar, UUID id) {
        records.requireHeldBy(registrar, id);
        List<RevisionEntry> entries = new java.util.ArrayList<>();
        histories.forEach(source -> entries.addAll(source.revisionsOf(id)));
        entries.sort(java.util.Comparator.comparingLong(RevisionEntry::revision).thenComparing(RevisionEntry::entity)
                .thenComparing(RevisionEntry::entityId));
        accessLog.append(new AccessEvent(clock.instant(), registrar.subject(), registrar.agency(), node.id(),
                AccessAction.RECORD_HISTORY_READ, id, AccessEvent.OK, List.of()));
        return entries;
    }

    private static RecordSummary summary(SubjectRecord record) {
        JsonNode identity = record.claim(PersonalDataAccess.FOR_REGISTRAR_VIEW).identity();
        return new RecordSummary(record.id(), record.holderRecordRef(), text(identity, "familyName"),
                text(identity, "givenNames"), text(identity, "latinFamilyName"), text(identity, "latinGivenNames"),
                record.updatedAt());
    }

    private static String text(JsonNode identity, String field) {
        JsonNode value = identity.path(field);
        return value.isString() ? value.asString() : "";
    }
}
