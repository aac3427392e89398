package org.regionalexchange.policy;

import java.util.Objects;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;

/**
 * The verdict for one requested category.
 *
 * @param withheldBecause the requester-visible code, present exactly when the category is withheld
 */
public record CategoryVerdict(Category category, VerdictStatus status, Optional<ReasonCode> withheldBecause) {
    public CategoryVerdict {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(withheldBecause, "withheldBecause");
        if ((status == VerdictStatus.WITHHELD) != withheldBecause.isPresent()) {
            throw new IllegalArgumentException("Verdict " + status + " for " + category + " with reason "
                    + withheldBecause + "; expected a reason exactly when WITHHELD");
        }
        if (withheldBecause.isPresent() && !withheldBecause.get().isRequesterVisible()) {
            throw new IllegalArgumentException("Withheld code '" + withheldBecause.get()
                    + "' is for the holder's log only; expected a requester-visible code");
        }
    }

    static CategoryVerdict released(Category category) {
        return new CategoryVerdict(category, VerdictStatus.RELEASED, Optional.empty());
    }

    static CategoryVerdict awaitingReview(Category category) {
        return new CategoryVerdict(category, VerdictStatus.AWAITING_REVIEW, Optional.empty());
    }

    static CategoryVerdict withheld(Category category, ReasonCode code) {
        return new CategoryVerdict(category, VerdictStatus.WITHHELD, Optional.of(code));
    }
}
