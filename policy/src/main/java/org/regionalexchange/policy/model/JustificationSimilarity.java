package org.regionalexchange.policy.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How alike two justifications are, for the data-protection officer's near-copy alert: the Jaccard
 * index of their word shingles (the sets of every {@value #SHINGLE_WORDS} consecutive words of the
 * {@link NormalizedJustification normalized} text), |A ∩ B| / |A ∪ B|, from 0 (nothing in common) to
 * 1 (the same normalized text). A copy with a name or a place changed keeps most of its shingles; two
 * justifications written for two cases share only stock phrases.
 *
 * <p>Why this measure: it needs no model, no corpus and no library (the policy module stays plain
 * Java), it is symmetric and explainable to a DPO ("82 % of the three-word phrases are the same"),
 * and its shingle size and threshold were chosen by measurement on genuine justifications
 * (docs/policy.md, section 9).
 */
public final class JustificationSimilarity {

    /** Words per shingle. */
    public static final int SHINGLE_WORDS = 3;

    /**
     * Two justifications whose similarity is at least this are near-copies (measured false-positive rate
     * on genuine justifications: docs/policy.md).
     */
    public static final double NEAR_COPY = 0.4;

    private JustificationSimilarity() {
    }

    /** The shingles of a justification's normalized text; a text shorter than one shingle is its own one shingle. */
    public static Set<String> shingles(String justification) {
        return shingles(NormalizedJustification.words(justification));
    }

    /** The shingles of a normalized text given as its words ({@link NormalizedJustification#words}). */
    public static Set<String> shingles(List<String> words) {
        Set<String> shingles = new HashSet<>();
        if (words.size() <= SHINGLE_WORDS) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
        }
        return shingles;
    }

    /** The Jaccard index of two shingle sets (two empty sets are alike: 1). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (String shingle : smaller) {
            if (larger.contains(shingle)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** The similarity of two justifications. */
    public static double of(String a, String b) {
        return jaccard(shingles(a), shingles(b));
    }

    /** Whether two justifications are near-copies ({@link #of} at least {@link #NEAR_COPY}). */
    public static boolean nearCopies(String a, String b) {
        return of(a, b) >= NEAR_COPY;
    }
}
