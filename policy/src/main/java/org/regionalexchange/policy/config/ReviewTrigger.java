package org.regionalexchange.policy.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Urgency;

/**
 * A configured reason to send a release to human review. Every condition given must hold; a condition left
 * empty holds always. At least one condition must be given.
 *
 * @param categories fires when at least one of these categories would be released
 */
public record ReviewTrigger(String name, Set<Purpose> purposes, Set<Category> categories, Set<Urgency> urgencies) {
    public ReviewTrigger {
        Objects.requireNonNull(name, "review trigger name");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("Invalid review trigger name '" + name
                    + "'; expected lower-case words joined by hyphens, e.g. exclusion-with-claim");
        }
        purposes = copy(purposes, Purpose.class);
        categories = copy(categories, Category.class);
        urgencies = copy(urgencies, Urgency.class);
        if (purposes.isEmpty() && categories.isEmpty() && urgencies.isEmpty()) {
            throw new IllegalArgumentException("Review trigger '" + name
                    + "' has no condition; expected at least one of purposes, categories, urgencies");
        }
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(Objects.requireNonNull(values));
        return Collections.unmodifiableSet(set);
    }

    /** Whether this trigger fires for a request with this purpose and urgency releasing these categories. */
    public boolean firesFor(Purpose purpose, Urgency urgency, Set<Category> releasable) {
        if (!purposes.isEmpty() && !purposes.contains(purpose)) {
            return false;
        }
        if (!urgencies.isEmpty() && !urgencies.contains(urgency)) {
            return false;
        }
        if (categories.isEmpty()) {
            return !releasable.isEmpty();
        }
        for (Category category : releasable) {
            if (categories.contains(category)) {
                return true;
            }
        }
        return false;
    }
}
