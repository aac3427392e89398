package org.regionalexchange.policy.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An informed consent recorded on a subject record (docs/design.md §4).
 *
 * <p>Validity is the half-open range {@code validFrom <= date < validUntil}: {@code validUntil} is the
 * first day on which the consent no longer applies (an absent {@code validUntil} means open-ended). The
 * end is exclusive so that any doubt about the last day falls on the side of not sharing.
 */
public record Consent(String id, List<ConsentRecipient> recipients, Set<Purpose> purposes, Set<Category> categories,
                      LocalDate validFrom, Optional<LocalDate> validUntil, ConsentGiver givenBy,
                      Optional<Withdrawal> withdrawal) {
    public Consent {
        Require.text(id, "consent id", 100);
        recipients = Require.nonEmpty(Require.list(recipients, "consent recipients"), "consent recipients");
        purposes = Require.nonEmpty(Require.enumSet(purposes, Purpose.class, "consent purposes"), "consent purposes");
        categories = Require.nonEmpty(Require.enumSet(categories, Category.class, "consent categories"),
                "consent categories");
        Require.present(validFrom, "consent validFrom");
        Require.present(validUntil, "consent validUntil (use Optional.empty() for open-ended)");
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("Consent '" + id + "' validUntil " + validUntil.get()
                    + " is not after validFrom " + validFrom + "; expected validFrom < validUntil (validUntil exclusive)");
        }
        Require.present(givenBy, "consent givenBy");
        Require.present(withdrawal, "consent withdrawal (use Optional.empty())");
    }

    /** Whether any recipient entry names the requester. */
    public boolean names(Requester requester) {
        return recipients.stream().anyMatch(r -> r.names(requester));
    }

    /** Whether the date is inside {@code [validFrom, validUntil)}. */
    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && validUntil.map(date::isBefore).orElse(true);
    }

    /** Whether the consent was withdrawn at or before the instant. */
    public boolean isWithdrawnBy(Instant instant) {
        return withdrawal.map(w -> !w.at().isAfter(instant)).orElse(false);
    }
}
