package org.regionalexchange.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regionalexchange.policy.config.JustificationPolicy;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.NormalizedJustification;
import org.regionalexchange.policy.model.RecentJustification;

/**
 * A concrete justification from the agency dealing with the individual case (seed 000 §8.5: "with concrete
 * justification on the part of the requesting state agency dealing with the individual case"; docs/design.md
 * §1: "boilerplate and justifications reused for other subjects are refused").
 *
 * <p>All checks work on the normalized text ({@link JustificationFingerprint#normalize}): length in characters,
 * the distinct own words (three characters or more) left once boilerplate phrases and the case reference are
 * taken out, the case reference as a whole sequence of words, and reuse by the same agency for another subject
 * inside the window: of the same normalized text, or of a text that differs from it only in numbers, dates and
 * case references ({@link NormalizedJustification}), refused with the same code.
 */
final class JustificationRule {
    private static final int OWN_WORD_MIN_LENGTH = 3;
    private static final String[] NO_WORDS = new String[0];
    private final JustificationPolicy policy;
    /** Boilerplate phrases as word sequences, by their first word. */
    private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();

    JustificationRule(JustificationPolicy policy) {
        this.policy = policy;
        for (String phrase : policy.boilerplatePhrases()) {
            String[] words = words(phrase);
            phrasesByFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
        }
    }

    /** Adds every failing check to {@code failures}. */
    void check(InformationRequest request, JustificationHistory history, Instant now, Set<ReasonCode> failures) {
        String caseReference = JustificationFingerprint.normalize(request.caseReference());
        if (caseReference.isEmpty()) {
            failures.add(ReasonCode.CASE_REFERENCE_MISSING);
        }
        String text = JustificationFingerprint.normalize(request.justification());
        if (text.codePointCount(0, text.length()) < policy.minimumLength()) {
            failures.add(ReasonCode.JUSTIFICATION_TOO_SHORT);
        }
        String[] words = words(text);
        String[] reference = words(caseReference);
        if (ownWords(words, reference) < policy.minimumOwnWords()) {
            failures.add(ReasonCode.JUSTIFICATION_BOILERPLATE);
        }
        if (reference.length > 0 && !containsSequence(words, reference)) {
            failures.add(ReasonCode.JUSTIFICATION_NOT_CASE_SPECIFIC);
        }
        if (isReused(request, text, history, now)) {
            failures.add(ReasonCode.JUSTIFICATION_REUSED);
        }
    }

    private int ownWords(String[] words, String[] reference) {
        boolean[] covered = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            List<String[]> phrases = phrasesByFirstWord.get(words[i]);
            if (phrases != null) {
                for (String[] phrase : phrases) {
                    cover(words, i, phrase, covered);
                }
            }
            if (reference.length > 0 && words[i].equals(reference[0])) {
                cover(words, i, reference, covered);
            }
        }
        Set<String> own = new HashSet<>();
        for (int i = 0; i < words.length; i++) {
            if (!covered[i] && words[i].codePointCount(0, words[i].length()) >= OWN_WORD_MIN_LENGTH) {
                own.add(words[i]);
            }
        }
        return own.size();
    }

    private static void cover(String[] words, int at, String[] phrase, boolean[] covered) {
        if (matchesAt(words, at, phrase)) {
            for (int j = 0; j < phrase.length; j++) {
                covered[at + j] = true;
            }
        }
    }

    private static boolean containsSequence(String[] words, String[] sequence) {
        for (int i = 0; i + sequence.length <= words.length; i++) {
            if (matchesAt(words, i, sequence)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(String[] words, int at, String[] sequence) {
        if (at + sequence.length > words.length) {
            return false;
        }
        for (int j = 0; j < sequence.length; j++) {
            if (!words[at + j].equals(sequence[j])) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String normalized) {
        return normalized.isEmpty() ? NO_WORDS : normalized.split(" ");
    }

    /**
     * The same text, or the same text once its particulars are taken out ({@link NormalizedJustification}),
     * used by the same agency for a different subject inside the window.
     */
    private boolean isReused(InformationRequest request, String normalized, JustificationHistory history, Instant now) {
        Instant windowStart = now.minus(policy.reuseWindow());
        JustificationFingerprint fingerprint = null;
        JustificationFingerprint withoutParticulars = null;
        for (RecentJustification used : history.recent()) {
            if (!used.agency().equals(request.requester().agency()) || used.subjectKey().equals(history.subjectKey())
                    || used.usedAt().isBefore(windowStart)) {
                continue;
            }
            if (fingerprint == null) {
                fingerprint = JustificationFingerprint.ofNormalized(normalized);
            }
            if (used.fingerprint().equals(fingerprint)) {
                return true;
            }
            if (used.normalizedFingerprint().isPresent()) {
                if (withoutParticulars == null) {
                    withoutParticulars = NormalizedJustification.fingerprint(request.justification());
                }
                if (used.normalizedFingerprint().get().equals(withoutParticulars)) {
                    return true;
                }
            }
        }
        return false;
    }
}
