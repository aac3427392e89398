package org.regionalexchange.policy.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A justification with its particulars taken out: what is left when the numbers, dates and case
 * references that differ from one person's request to the next are replaced by one placeholder. Two
 * justifications with the same normalized text are one text used twice, however their numbers,
 * dates or case references were changed (seed 000 §8.5 asks for a "concrete justification" for each
 * individual case; ARCHITECTURE.md §1: "justifications reused for other subjects are refused").
 *
 * <p>The normalization, exactly:
 * <ol>
 *   <li>Unicode NFKC, then lower case ({@link Locale#ROOT}).</li>
 *   <li>The text is cut into <em>terms</em>: maximal runs of letters and digits ({@code \p{L}},
 *       {@code \p{N}}) joined by single connectors {@code - / . _} (so {@code KG-SMS-2026-0456},
 *       {@code 15.01.2026} and {@code 2026/11} are one term each). Everything else —
 *       spaces, punctuation, symbols — only separates terms.</li>
 *   <li>A term with a digit in it (a number, a date, a case or document reference, {@code 3rd}) is a
 *       particular. So is a month's name ({@link #MONTHS}: English names and abbreviations, Russian
 *       names in their common forms). Every other term is split at its connectors into words.</li>
 *   <li>A run of consecutive particulars becomes one placeholder {@value #PLACEHOLDER}, so
 *       {@code 15 January 2026}, {@code 2026-01-15} and {@code January 2026} read alike.</li>
 *   <li>Words and placeholders are joined by single spaces.</li>
 * </ol>
 * Example: {@code "Applicant lodged a claim in Almaty on 15 January 2026; see KG-SMS-2026-0456."}
 * becomes {@code "applicant lodged a claim in almaty on # see #"}.
 *
 * <p>Names of people and places are not particulars: a justification copied with another name in it
 * is not refused here but shows up in the data-protection officer's near-copy alert
 * ({@link JustificationSimilarity}).
 */
public final class NormalizedJustification {

    /** What every run of particulars becomes. No word can be it: words hold letters only. */
    public static final String PLACEHOLDER = "#";

    /** Month names that count as particulars, as whole words. */
    public static final Set<String> MONTHS = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "январь", "января", "январе", "февраль", "февраля", "феврале", "март", "марта", "марте", "апрель",
            "апреля", "апреле", "май", "мая", "мае", "июнь", "июня", "июне", "июль", "июля", "июле", "август",
            "августа", "августе", "сентябрь", "сентября", "сентябре", "октябрь", "октября", "октябре", "ноябрь",
            "ноября", "ноябре", "декабрь", "декабря", "декабре");

    private NormalizedJustification() {
    }

    /** The normalized text of {@code justification} (the steps above). */
    public static String normalize(String justification) {
        return String.join(" ", words(justification));
    }

    /** The normalized text's words and placeholders, in order. */
    public static List<String> words(String justification) {
        Require.present(justification, "justification text");
        String text = Normalizer.normalize(justification, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!isAlphanumeric(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end = termEnd(text, i);
            addTerm(text.substring(i, end), out);
            i = end;
        }
        return Collections.unmodifiableList(out);
    }

    /** The fingerprint of the normalized text: what a ledger stores and compares for reuse. */
    public static JustificationFingerprint fingerprint(String justification) {
        return JustificationFingerprint.ofNormalized(normalize(justification));
    }

    /** The end of the term starting at {@code start}: alphanumerics joined by single connectors. */
    private static int termEnd(String text, int start) {
        int i = start;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (isAlphanumeric(c)) {
                i += Character.charCount(c);
            } else if (isConnector(c) && i + 1 < n && isAlphanumeric(text.codePointAt(i + 1))) {
                i += 1;
            } else {
                break;
            }
        }
        return i;
    }

    private static void addTerm(String term, List<String> out) {
        if (term.codePoints().anyMatch(NormalizedJustification::isNumber) || MONTHS.contains(term)) {
            particular(out);
            return;
        }
        for (String word : term.split("[-/._]")) {
            if (MONTHS.contains(word)) {
                particular(out);
            } else {
                out.add(word);
            }
        }
    }

    private static void particular(List<String> out) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(PLACEHOLDER)) {
            out.add(PLACEHOLDER);
        }
    }

    /** {@code \p{L}} or {@code \p{N}}, as in {@link JustificationFingerprint#normalize}. */
    private static boolean isAlphanumeric(int c) {
        return Character.isLetter(c) || isNumber(c);
    }

    /** {@code \p{N}}: decimal digits in any script, and other numerals. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.OTHER_NUMBER
                || type == Character.LETTER_NUMBER;
    }

    private static boolean isConnector(int c) {
        return c == '-' || c == '/' || c == '.' || c == '_';
    }
}
