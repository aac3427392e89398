package org.regionalexchange.policy.referral;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Argument checks shared by the value factories of this package; messages name the bad value. */
final class Values {
    private Values() {
    }

    static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, () -> "Missing " + what + "; it is required");
    }

    /** Not blank, at most {@code maxLength} characters. */
    static String text(String value, String what, int maxLength) {
        present(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Blank " + what + "; expected some text");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    what + " has " + value.length() + " characters; expected at most " + maxLength);
        }
        return value;
    }

    static Optional<String> optionalText(Optional<String> value, String what, int maxLength) {
        present(value, what + " (use Optional.empty())");
        value.ifPresent(v -> text(v, what, maxLength));
        return value;
    }

    static <T> List<T> list(Collection<T> values, String what) {
        present(values, what);
        for (T value : values) {
            present(value, "element of " + what);
        }
        return List.copyOf(values);
    }

    /** A sorted, unmodifiable copy: iteration order is part of a deterministic answer. */
    static <T extends Comparable<? super T>> Set<T> sortedSet(Collection<T> values, String what) {
        return Collections.unmodifiableSet(new TreeSet<>(list(values, what)));
    }

    /** An unmodifiable copy in declaration order of the enum. */
    static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String what) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(list(values, what));
        return Collections.unmodifiableSet(set);
    }
}
