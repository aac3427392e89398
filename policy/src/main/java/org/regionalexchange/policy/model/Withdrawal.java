package org.regionalexchange.policy.model;

import java.time.Instant;

/**
 * The withdrawal of a consent. It takes effect for every decision evaluated at or after {@code at}
 * (docs/design.md §4; ASVS 8.3.2 "consent withdrawal effective at once").
 */
public record Withdrawal(Instant at, String reason) {
    public Withdrawal {
        Require.present(at, "withdrawal time");
        Require.text(reason, "withdrawal reason", 2000);
    }
}
