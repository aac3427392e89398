package org.regionalexchange.policy;

import java.util.Objects;
import org.regionalexchange.policy.model.Category;

/** One entry of the answer's {@code withheld} list (docs/openapi.yaml): a category and its requester-visible code. */
public record Withheld(Category category, ReasonCode code) {
    public Withheld {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(code, "code");
    }
}
