package org.regionalexchange.policy.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Argument checks shared by the value factories of the policy's model; messages name the bad value. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, () -> "Missing " + what + "; it is required");
    }

    public static String text(String value, String what, int maxLength) {
        present(value, what);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    what + " has " + value.length() + " characters; expected at most " + maxLength);
        }
        return value;
    }

    /** Not blank, at most {@code maxLength} characters. */
    public static String nonBlank(String value, String what, int maxLength) {
        present(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Blank " + what + "; expected some text");
        }
        return text(value, what, maxLength);
    }

    /** Empty, or not blank and at most {@code maxLength} characters. */
    public static Optional<String> optionalNonBlank(Optional<String> value, String what, int maxLength) {
        present(value, what + " (use Optional.empty())");
        value.ifPresent(v -> nonBlank(v, what, maxLength));
        return value;
    }

    public static <T> List<T> list(Collection<T> values, String what) {
        present(values, what);
        for (T value : values) {
            if (value == null) {
                // The message is made only when needed: models are built on every decision (P2).
                present(null, "element of " + what);
            }
        }
        return List.copyOf(values);
    }

    /** A sorted, unmodifiable copy: iteration order is part of a deterministic decision. */
    public static <T extends Comparable<? super T>> Set<T> sortedSet(Collection<T> values, String what) {
        return Collections.unmodifiableSet(new TreeSet<>(list(values, what)));
    }

    /** An unmodifiable copy in declaration order of the enum. */
    public static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String what) {
        List<E> copy = list(values, what);
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(copy);
        return Collections.unmodifiableSet(set);
    }

    public static <T> List<T> nonEmpty(List<T> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Empty " + what + "; expected at least one");
        }
        return values;
    }

    public static <T> Set<T> nonEmpty(Set<T> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Empty " + what + "; expected at least one");
        }
        return values;
    }
}
