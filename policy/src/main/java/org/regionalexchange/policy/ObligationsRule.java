package org.regionalexchange.policy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PurposePolicy;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;

/**
 * The handling rules attached to every release (docs/design.md §6 step 10): no onward transfer without the
 * holder's permission and never to a country of origin, use for the stated purpose only, a retain-until date,
 * and the fields removed because the purpose does not need them (seed 000 §4, "principle of confidentiality
 * and protection of personal information"; docs/design.md §1: "releases are minimal, field-redacted and
 * marked with handling rules").
 */
final class ObligationsRule {
    private ObligationsRule() {
    }

    static Obligations obligations(PolicyConfig config, Purpose purpose, Set<Category> released, LocalDate date) {
        PurposePolicy policy = config.enabled(purpose).orElseThrow(
                () -> new IllegalStateException("Obligations for a purpose that is not enabled: " + purpose));
        EnumMap<Category, List<String>> redactions = new EnumMap<>(Category.class);
        for (Category category : released) {
            List<String> fields = policy.redactionsFor(category);
            if (!fields.isEmpty()) {
                redactions.put(category, fields);
            }
        }
        return new Obligations(HandlingCode.NO_ONWARD_TRANSFER, purpose, date.plus(policy.retention()), redactions);
    }
}
