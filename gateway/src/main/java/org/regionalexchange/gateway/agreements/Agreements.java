package org.regionalexchange.gateway.agreements;

import java.util.List;


/** The data-sharing agreements of this node, as the exchange asks about them. */
public interface Agreements {

    /**
     * Every agreement of this node as the policy reads it (the policy decides which are in force and
     * what they cover: docs/design.md §6 step 4).
     */
    List<org.regionalexchange.policy.model.Agreement> forPolicy();
}
