package org.regionalexchange.gateway.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Envers history of one subject record for the data-protection officer (role {@code dpo}):
 * every revision of the record and of its consents, with who, which agency, why and which fields
 * changed. A node holds only its own agencies' records, so a DPO sees only this node's records.
 */
@RestController
class RevisionsController {

    private final List<RecordHistory> sources;
    private final AccessLog accessLog;
    private final NodeProperties node;

    private final Clock clock;

    RevisionsController(List<RecordHistory> sources, AccessLog accessLog, NodeProperties node, Clock clock) {
        this.sources = sources;
        this.clock = clock;
        this.accessLog = accessLog;
        this.node = node;
    }

    @GetMapping("/api/v1/audit/records/{id}/revisions")
    @Transactional
    RecordRevisions revisions(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        List<RevisionEntry> entries = new ArrayList<>();
        boolean recordKnown = false;
        for (RecordHistory source : sources) {
            List<RevisionEntry> found = source.revisionsOf(id);
            recordKnown |= source.ownsRecord() && !found.isEmpty();
            entries.addAll(found);
        }
        if (!recordKnown) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No record with this id on this node.");
        }
        entries.sort(Comparator.comparingLong(RevisionEntry::revision).thenComparing(RevisionEntry::entity)
                .thenComparing(RevisionEntry::entityId));
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(),
                AccessAction.RECORD_HISTORY_READ, id, AccessEvent.OK, List.of()));
        return new RecordRevisions(id, entries);
    }

    record RecordRevisions(UUID recordId, List<RevisionEntry> revisions) {
    }
}
