package org.regionalexchange.gateway.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.regionalexchange.gateway.audit.AuditRevision;
import org.regionalexchange.gateway.audit.RecordHistory;
import org.regionalexchange.gateway.audit.RevisionEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Envers revisions of a subject record, with the categories each one changed. */
@Component
class RecordRevisionHistory implements RecordHistory {

    private final EntityManager em;

    RecordRevisionHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RevisionEntry> revisionsOf(UUID recordId) {
        List<?> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntityWithChanges(SubjectRecord.class, true)
                .add(AuditEntity.id().eq(recordId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<RevisionEntry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            @SuppressWarnings("unchecked")
            Set<String> changed = (Set<String>) columns[3];
            entries.add(RevisionEntry.of((AuditRevision) columns[1], "record", recordId.toString(),
                    ((RevisionType) columns[2]).name(), new ArrayList<>(changed)));
        }
        return entries;
    }

    @Override
    public boolean ownsRecord() {
        return true;
    }
}
