package org.regionalexchange.policy.config;

import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;

/**
 * What the policy file says about one purpose.
 *
 * @param enabled    whether requests with this purpose are accepted at all
 * @param categories the categories that may be released for it (hard rules still apply on top)
 * @param retention  how long a recipient may keep what it received, from the evaluation date
 * @param redactions per category, the record fields removed before sending
 */
public record PurposePolicy(Purpose purpose, boolean enabled, Set<Category> categories, Period retention,
                            Map<Category, List<String>> redactions) {
    public PurposePolicy {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(categories, "categories of " + purpose);
        EnumSet<Category> allowed = EnumSet.noneOf(Category.class);
        allowed.addAll(categories);
        categories = Collections.unmodifiableSet(allowed);
        Objects.requireNonNull(retention, "retention of " + purpose);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Retention for '" + purpose + "' is " + retention
                    + "; expected a positive period such as P30D");
        }
        Objects.requireNonNull(redactions, "redactions of " + purpose);
        EnumMap<Category, List<String>> copy = new EnumMap<>(Category.class);
        redactions.forEach((category, fields) -> {
            for (String field : fields) {
                if (!category.fields().contains(field)) {
                    throw new IllegalArgumentException("Unknown field '" + field + "' in redactions of " + category
                            + " for '" + purpose + "'; expected one of " + new java.util.TreeSet<>(category.fields()));
                }
            }
            copy.put(category, List.copyOf(new java.util.TreeSet<>(fields)));
        });
        redactions = Collections.unmodifiableMap(copy);
    }

    /** The fields to remove from a released category; empty if none. */
    public List<String> redactionsFor(Category category) {
        return redactions.getOrDefault(category, List.of());
    }
}
