package org.regionalexchange.gateway.consent;

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
        List<RevisionEntry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Consent consent = (Consent) columns[0];
            @SuppressWarnings("unchecked")
            Set<String> changed = (Set<String>) columns[3];
            entries.add(RevisionEntry.of((AuditRevision) columns[1], "consent", consent.id().toString(),
                    ((RevisionType) columns[2]).name(), new ArrayList<>(changed)));
        }
        return entries;
    }
}
