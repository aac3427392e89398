package org.regionalexchange.gateway.audit;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Envers history of one subject record for the data-protection officer (role {@code dpo}):
 * every revision of the record and of its consents, with who, which agency, why and which fields
 * changed. A node holds only its own agencies' records, so a DPO sees only this node's records.
 * Through {@link DpoDesk}, as the console's revisions screen.
 */
@RestController
class RevisionsController {

    private final DpoDesk desk;

    RevisionsController(DpoDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/v1/audit/records/{id}/revisions")
    RecordRevisions revisions(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return new RecordRevisions(id, desk.revisions(officer, id));
    }

    record RecordRevisions(UUID recordId, List<RevisionEntry> revisions) {
    }
}
