package org.regionalexchange.policy.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Argument checks shared by the value factories of this package; messages name the bad value. */
final class Require {
    private Require() {
    }

    static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, () -> "Missing " + what + "; it is required");
    }

    static String text(String value, String what, int maxLength) {
        present(value, what);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    what + " has " + value.length() + " characters; expected at most " + maxLength);
        }
        return value;
    }

    static <T> List<T> list(Collection<T> values, String what) {
        present(values, what);
        for (T value : values) {
            present(value, "element of " + what);
        }
        return List.copyOf(values);
    }

    /** A sorted, unmodifiable copy: iteration order is part of a deterministic decision. */
    static <T extends Comparable<? super T>> Set<T> sortedSet(Collection<T> values, String what) {
        return Collections.unmodifiableSet(new TreeSet<>(list(values, what)));
    }

    /** An unmodifiable copy in declaration order of the enum. */
    static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String what) {
        List<E> copy = list(values, what);
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(copy);
        return Collections.unmodifiableSet(set);
    }

    static <T> List<T> nonEmpty(List<T> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Empty " + what + "; expected at least one");
        }
        return values;
    }

    static <T> Set<T> nonEmpty(Set<T> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Empty " + what + "; expected at least one");
        }
        return values;
    }
}
