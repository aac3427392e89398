package org.regionalexchange.gateway.agreements;

import java.util.List;

import org.springframework.stereotype.Service;

import tools.jackson.databind.node.ObjectNode;

/**
 * The agreements as {@code GET /api/v1/admin/agreements} shows them, for callers other than the
 * API's controller (the console's read-only admin screen).
 */
@Service
public class AgreementDesk {

    private final AgreementService agreements;

    AgreementDesk(AgreementService agreements) {
        this.agreements = agreements;
    }

    public List<ObjectNode> all() {
        return agreements.all().stream().map(Agreement::view).toList();
    }
}
