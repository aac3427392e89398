package org.regionalexchange.gateway.records;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
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
        return RevisionEntry.fromEnversRows(rows, "record", (SubjectRecord record) -> recordId.toString());
    }

    @Override
    public boolean ownsRecord() {
        return true;
    }
}
