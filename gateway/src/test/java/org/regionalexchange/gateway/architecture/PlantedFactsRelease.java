package org.regionalexchange.gateway.architecture;

import org.regionalexchange.gateway.records.RecordFacts;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.policy.Decision;

/**
 * A release from facts read for a decision, outside the holder's judged path, planted for
 * {@code ArchitectureTest}: the rule that only a judgment releases must find it too. Never used by
 * the gateway.
 */
public final class PlantedFactsRelease {

    private PlantedFactsRelease() {
    }

    static Object releaseWhatWasRead(SubjectRecords records, RecordFacts read, Decision decision) {
        return records.release(read, decision);
    }
}
