package org.regionalexchange.gateway.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.agreements.Agreements;
import org.regionalexchange.gateway.consent.Consents;
import org.regionalexchange.gateway.records.RecordFacts;
import org.regionalexchange.gateway.records.RecordRef;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the holder side of an exchange needs from this node's records, consents and agreements:
 * the candidates for a selector with the facts and consents the policy decides on, the released
 * data of a judgment, and the agreements.
 */
@Component
class HolderRecords {

    /** A record that matches a selector, as read: the version, and its facts and consents as the policy sees them. */
    record Candidate(RecordFacts read) {

        RecordRef ref() {
            return read.ref();
        }

        SubjectRecord facts() {
            return read.facts();
        }
    }

    private final SubjectRecords records;
    private final Consents consents;
    private final Agreements agreements;

    HolderRecords(SubjectRecords records, Consents consents, Agreements agreements) {
        this.records = records;
        this.consents = consents;
        this.agreements = agreements;
    }

    /** Every record of {@code holderAgency} that the selector matches: none, one or several; never a guess. */
    List<Candidate> candidates(String holderAgency, SubjectSelector selector) {
        return records.resolve(holderAgency, selector).stream()
                .map(id -> records.forDecision(id, consents.forPolicy(id)))
                .flatMap(Optional::stream)
                .map(Candidate::new)
                .toList();
    }

    /**
     * {@link #candidates} for many selectors of one holder agency, in a fixed number of reads (the
     * subjects, the records, their consents), in the order given. Empty for a selector one of whose
     * candidate records cannot be read: a decision without it could say "no match" where there is one.
     */
    List<Optional<List<Candidate>>> candidatesAll(String holderAgency, List<SubjectSelector> selectors) {
        List<List<UUID>> resolved = records.resolveAll(holderAgency, selectors);
        Set<UUID> ids = new LinkedHashSet<>();
        resolved.forEach(ids::addAll);
        Map<UUID, Optional<RecordFacts>> read = records.forDecisionAll(ids, consents.forPolicyAll(ids));
        List<Optional<List<Candidate>>> candidates = new ArrayList<>(selectors.size());
        for (List<UUID> matched : resolved) {
            List<Candidate> found = new ArrayList<>();
            boolean readable = true;
            for (UUID id : matched) {
                Optional<RecordFacts> facts = read.get(id);
                if (facts == null) {
                    continue; // gone since it was resolved: no candidate, as in candidates(...)
                }
                if (facts.isEmpty()) {
                    readable = false;
                } else {
                    found.add(new Candidate(facts.get()));
                }
            }
            candidates.add(readable ? Optional.of(List.copyOf(found)) : Optional.empty());
        }
        return candidates;
    }

    /**
     * The released data of a judgment: the record it judged, at the version it judged; the only path
     * by which personal data leaves in an exchange. A judgment made in this transaction releases
     * from the row its decision was made on; a stored one (review, collection) reads the record again.
     *
     * @throws org.regionalexchange.gateway.records.RecordChanged if that version is no longer the record's
     */
    ObjectNode released(Judgment judgment) {
        return judgment.read() != null ? records.release(judgment.read(), judgment.decision())
                : records.release(judgment.judged(), judgment.decision());
    }

    List<Agreement> agreements() {
        return agreements.forPolicy();
    }

    /** The agreements as of {@code revision}, read earlier in the caller's transaction ({@link Agreements#forPolicyAt}). */
    List<Agreement> agreementsAt(long revision) {
        return agreements.forPolicyAt(revision);
    }
}
