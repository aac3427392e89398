package org.regionalexchange.gateway.consent;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.regionalexchange.gateway.audit.RecordHistory;
import org.regionalexchange.gateway.audit.RevisionEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Envers revisions of a record's consents (recorded, withdrawn), for the DPO's record history. */
@Component
class ConsentRevisionHistory implements RecordHistory {

    private final EntityManager em;

    ConsentRevisionHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RevisionEntry> revisionsOf(UUID recordId) {
        List<?> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntityWithChanges(Consent.class, true)
                .add(AuditEntity.property("recordId").eq(recordId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return RevisionEntry.fromEnversRows(rows, "consent", (Consent consent) -> consent.id().toString());
    }
}
