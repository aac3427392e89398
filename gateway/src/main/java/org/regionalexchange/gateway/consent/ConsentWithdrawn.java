package org.regionalexchange.gateway.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published, in the withdrawing transaction, when a registrar withdraws a consent of a record: a
 * feature that sent something on the strength of it (a referral) stops it at once, without the
 * consent feature knowing about it.
 *
 * @param recipients the withdrawn consent's recipients, each {@code country}, {@code agency} or
 *                   {@code organization} with its value
 */
public record ConsentWithdrawn(UUID recordId, UUID consentId, List<Recipient> recipients, String officer,
        String agency, Instant at) {

    /** One recipient the consent named: {@code kind} is {@code country}, {@code agency} or {@code organization}. */
    public record Recipient(String kind, String value) {
    }

    public ConsentWithdrawn {
        recipients = List.copyOf(recipients);
    }
}
