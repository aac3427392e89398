package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.regionalexchange.gateway.consent.Consents;
import org.regionalexchange.gateway.exchange.HolderRecords.Candidate;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.springframework.stereotype.Component;

/**
 * "Not on record" takes as long as "country of origin" (docs/performance.md R8). Both answers are the same
 * {@code NOT_AVAILABLE}, but a record that matched is read with its consents before the policy
 * refuses it (step 7), while a selector that matches nothing was answered without those two reads:
 * about 0.6 ms less at the holder, which a requester from the country of origin could measure to
 * learn that the person is on record. So when nothing matches, the holder reads a stand-in record
 * of the same agency, with its consents, by the very calls {@link HolderRecords#candidates} makes
 * for a match, in the same transaction, and drops what it read: nothing of the stand-in is decided
 * on, released, logged or stored.
 *
 * <p>The stand-in is the record that the agency's latest match read, so that "not on record" reads
 * what an answer about a record read a moment ago; until the node has seen a match of the agency,
 * any record of the agency (one more query, once). An agency without records has no record whose
 * existence could leak, and reads nothing.
 */
@Component
class StandInReads {

    private final SubjectRecords records;
    private final Consents consents;
    /** Per holder agency of this node (a bounded set): the record its latest match read. */
    private final Map<String, UUID> standIns = new ConcurrentHashMap<>();

    StandInReads(SubjectRecords records, Consents consents) {
        this.records = records;
        this.consents = consents;
    }

    /** After the subject's lookup: remembers a match, or reads the stand-in when nothing matched. */
    void afterLookup(String holderAgency, List<Candidate> candidates) {
        if (!candidates.isEmpty()) {
            standIns.put(holderAgency, candidates.get(0).ref().id());
            return;
        }
        UUID standIn = standIns.get(holderAgency);
        if (standIn == null) {
            standIn = records.anyHeldBy(holderAgency).orElse(null);
            if (standIn == null) {
                return;
            }
            standIns.putIfAbsent(holderAgency, standIn);
        }
        // The reads of HolderRecords.candidates for one record; records are never deleted, so the
        // stand-in is always there. The result is dropped on purpose.
        records.forDecision(standIn, consents.forPolicy(standIn));
    }
}
