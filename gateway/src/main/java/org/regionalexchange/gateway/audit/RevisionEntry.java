package org.regionalexchange.gateway.audit;

import java.util.ArrayList;
import java.util.Set;
import java.util.function.Function;

import java.time.Instant;
import java.util.List;

/**
 * One Envers revision of an audited entity that belongs to a subject record, as shown to the DPO:
 * who, which agency and node, why, what kind of change and which fields changed. No field values.
 *
 * @param entity        {@code record} or {@code consent}
 * @param entityId      id of the changed entity
 * @param type          {@code ADD}, {@code MOD} or {@code DEL}
 * @param changedFields names of the changed properties (API field names), sorted
 */
public record RevisionEntry(long revision, Instant time, String actor, String agency, String node, String reason,
        String correlationId, String entity, String entityId, String type, List<String> changedFields) {

    public RevisionEntry {
        changedFields = changedFields.stream().sorted().toList();
    }

    /** The entry for {@code revision} of an entity. */
    public static RevisionEntry of(AuditRevision revision, String entity, String entityId, String type,
            List<String> changedFields) {
        return new RevisionEntry(revision.getId(), revision.getRevisedAt(), revision.getActor(), revision.getAgency(),
                revision.getNodeId(), revision.getReason(), revision.getCorrelationId(), entity, entityId, type,
                changedFields);
    }

    /**
     * The entries of the rows of an Envers {@code forRevisionsOfEntityWithChanges} query: each row is
     * the entity, its {@link AuditRevision}, the {@code RevisionType} and the set of changed properties.
     */
    public static <T> List<RevisionEntry> fromEnversRows(List<?> rows, String entity, Function<T, String> entityId) {
        List<RevisionEntry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            @SuppressWarnings("unchecked")
            T changedEntity = (T) columns[0];
            @SuppressWarnings("unchecked")
            Set<String> changed = (Set<String>) columns[3];
            entries.add(of((AuditRevision) columns[1], entity, entityId.apply(changedEntity),
                    ((Enum<?>) columns[2]).name(), new ArrayList<>(changed)));
        }
        return entries;
    }
}
