package org.regionalexchange.policy.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.regionalexchange.policy.model.JustificationFingerprint;

/**
 * Limits on justifications (seed 000 §8.5: "with concrete justification on the part of the requesting state
 * agency dealing with the individual case").
 *
 * @param minimumLength      characters of the normalized justification, at least 20
 * @param minimumOwnWords    distinct words of three or more characters that remain once boilerplate phrases
 *                           and the case reference are taken out
 * @param reuseWindow        how far back a justification used for another subject counts as reuse
 * @param boilerplatePhrases stock phrases, stored normalized ({@link JustificationFingerprint#normalize})
 */
public record JustificationPolicy(int minimumLength, int minimumOwnWords, Duration reuseWindow,
                                  List<String> boilerplatePhrases) {
    public JustificationPolicy {
        if (minimumLength < 20 || minimumLength > 2000) {
            throw new IllegalArgumentException("Justification minimumLength " + minimumLength
                    + " is out of range; expected 20-2000");
        }
        if (minimumOwnWords < 1 || minimumOwnWords > 100) {
            throw new IllegalArgumentException("Justification minimumOwnWords " + minimumOwnWords
                    + " is out of range; expected 1-100");
        }
        Objects.requireNonNull(reuseWindow, "reuseWindow");
        if (reuseWindow.isNegative() || reuseWindow.isZero() || reuseWindow.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("Justification reuseWindow " + reuseWindow
                    + " is out of range; expected more than zero and at most P366D");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String phrase : boilerplatePhrases) {
            String n = JustificationFingerprint.normalize(phrase);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("Boilerplate phrase '" + phrase
                        + "' has no letters or digits; expected a phrase such as 'for official purposes'");
            }
            normalized.add(n);
        }
        boilerplatePhrases = List.copyOf(normalized);
    }
}
