package org.regionalexchange.gateway.agreements;

import java.time.LocalDate;
import java.util.Collection;

/** The data-sharing agreements of this node, as the exchange asks about them. */
public interface Agreements {

    /**
     * True if an agreement valid on {@code day} is between {@code partyA} and {@code partyB} (each a
     * country code or an organization, in either order) and covers {@code purpose} for every one of
     * {@code categories}.
     */
    boolean covers(String partyA, String partyB, String purpose, Collection<String> categories, LocalDate day);
}
