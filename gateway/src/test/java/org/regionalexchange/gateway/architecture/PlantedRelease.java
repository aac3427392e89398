package org.regionalexchange.gateway.architecture;

import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.policy.Decision;

/**
 * A release outside the holder's judged path, planted for {@code ArchitectureTest}: the rule that
 * only a judgment releases must find it. Never used by the gateway.
 */
public final class PlantedRelease {

    private PlantedRelease() {
    }

    static Object releaseAnyRecord(SubjectRecords records, RecordRef ref, Decision decision) {
        return records.release(ref, decision);
    }
}
