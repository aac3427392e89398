package org.regionalexchange.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;

/**
 * What the recipient must do with what it receives, attached to every release (docs/design.md §6 step 10).
 *
 * @param permittedUse the stated purpose, and only it
 * @param retainUntil  evaluation date plus the purpose's retention from the policy file
 * @param redactions   per released category, the record fields the gateway removes before sending
 *                     (field names of {@code record.json}); categories without redactions are absent
 */
public record Obligations(HandlingCode handling, Purpose permittedUse, LocalDate retainUntil,
                          Map<Category, List<String>> redactions) {
    public Obligations {
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(permittedUse, "permittedUse");
        Objects.requireNonNull(retainUntil, "retainUntil");
        Objects.requireNonNull(redactions, "redactions");
        EnumMap<Category, List<String>> copy = new EnumMap<>(Category.class);
        redactions.forEach((category, fields) -> {
            if (!fields.isEmpty()) {
                copy.put(category, List.copyOf(fields));
            }
        });
        redactions = Collections.unmodifiableMap(copy);
    }
}
