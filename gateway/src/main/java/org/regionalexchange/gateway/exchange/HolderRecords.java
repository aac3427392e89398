package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.Optional;

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
}
