package org.regionalexchange.gateway.audit;

import org.hibernate.envers.RevisionListener;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fills each Envers revision with the acting officer and agency (from the security context), this
 * node's id, and the reason or correlation id of {@link RevisionContext}. Changes made outside a
 * request (deployment loading, sample data) are attributed to {@code system}.
 */
@Component
class AuditRevisionListener implements RevisionListener {

    private final NodeProperties node;

    AuditRevisionListener(NodeProperties node) {
        this.node = node;
    }

    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = "system";
        String agency = null;
        if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
            actor = officer.subject();
            agency = officer.agency();
        }
        revision.describe(actor, agency, node.id(), RevisionContext.reason(), RevisionContext.correlationId());
    }
}
