package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the holder side of an exchange needs from the records, consents and agreements of this
 * node: candidates for a selector (with the facts and consents the policy decides on), the data of
 * released categories, and the agreements in force.
 */
interface HolderRecords {

    /** A record that matches a selector: its id, and its facts and consents as the policy sees them. */
    record Candidate(UUID recordId, SubjectRecord facts) {
    }

    /** Every record of {@code holderAgency} that the selector matches: none, one or several; never a guess. */
    List<Candidate> candidates(String holderAgency, SubjectSelector selector);

    /**
     * The data of the released categories of one record, with the fields the decision's obligations
     * redact removed: the only path by which personal data leaves this node.
     */
    ObjectNode released(UUID recordId, Set<Category> categories, Map<Category, List<String>> redactions);

    /** The data-sharing agreements this node knows. */
    List<Agreement> agreements();
}
