package org.regionalexchange.policy;

import java.util.Objects;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;

/**
 * A precise cause for the holder's access log only, e.g. which way consent failed for a category, or which
 * review trigger fired. Never part of an answer.
 *
 * @param note a short non-personal note such as a trigger name or consent id; may be empty
 */
public record InternalDetail(Optional<Category> category, ReasonCode code, String note) {
    public InternalDetail {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(note, "note");
        if (code.isRequesterVisible()) {
            throw new IllegalArgumentException("Internal detail with requester-visible code '" + code
                    + "'; expected a holder-log-only code");
        }
    }

    static InternalDetail of(Category category, ReasonCode code, String note) {
        return new InternalDetail(Optional.of(category), code, note);
    }

    static InternalDetail of(ReasonCode code, String note) {
        return new InternalDetail(Optional.empty(), code, note);
    }
}
