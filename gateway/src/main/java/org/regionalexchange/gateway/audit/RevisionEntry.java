package org.regionalexchange.gateway.audit;

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
}
