package org.regionalexchange.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;

/**
 * Everything of a decision that the requester may see, and nothing else. For {@code NOT_AVAILABLE} it is
 * the same value whatever the cause (docs/design.md §6: one uniform answer, nothing that tells "not on record" from "withheld").
 */
public record RequesterView(Outcome outcome, List<Category> released, List<Category> awaitingReview,
                            List<Withheld> withheld, List<Reason> reasons, Optional<Obligations> obligations) {
    public RequesterView {
        Objects.requireNonNull(outcome, "outcome");
        released = List.copyOf(released);
        awaitingReview = List.copyOf(awaitingReview);
        withheld = List.copyOf(withheld);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(obligations, "obligations");
    }
}
