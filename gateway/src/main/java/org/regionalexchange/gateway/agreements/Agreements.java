package org.regionalexchange.gateway.agreements;

import java.util.List;


/** The data-sharing agreements of this node, as the exchange asks about them. */
public interface Agreements {

    /**
     * The agreements' revision (V44) as a scalar subquery: a caller that reads something else before
     * its decision reads the revision in the same statement and then asks {@link #forPolicyAt}, which
     * saves a statement of its own. Every change to the agreements moves it forward in the changing
     * transaction.
     */
    String REVISION_SUBQUERY = "(select revision from agreement_revision where id = 1)";

    /**
     * Every agreement of this node as the policy reads it (the policy decides which are in force and
     * what they cover: docs/design.md §6 step 4), as of the revision read now in the caller's transaction.
     */
    List<org.regionalexchange.policy.model.Agreement> forPolicy();

    /**
     * {@link #forPolicy()} for a revision the caller read with {@link #REVISION_SUBQUERY} earlier in
     * its transaction: the list kept for that revision, or the rows read now (never older than it).
     */
    List<org.regionalexchange.policy.model.Agreement> forPolicyAt(long revision);
}
