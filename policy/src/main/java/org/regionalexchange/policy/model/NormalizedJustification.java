package org.regionalexchange.policy.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A justification with its particulars taken out: what is left when the numbers, dates and case
 * references that differ from one person's request to the next are replaced by one placeholder. Two
 * justifications with the same normalized text are one text used twice, however their numbers,
 * dates or case references were changed (seed 000 §8.5 asks for a "concrete justification" for each
 * individual case; docs/design.md §1: "justifications reused for other subjects are refused").
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
        Require.present(justification, "justification text");
        String text = folded(justification);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!isAlphanumeric(c)) {
                i += Character.charCount(c);
                continue;
            }
            i = appendTerm(text, i, out);
        }
        return out.toString();
    }

    /** The normalized text's words and placeholders, in order. */
    public static List<String> words(String justification) {
        String normalized = normalize(justification);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    /** The fingerprint of the normalized text: what a ledger stores and compares for reuse. */
    public static JustificationFingerprint fingerprint(String justification) {
        return JustificationFingerprint.ofNormalized(normalize(justification));
    }

    /** NFKC and lower case; ASCII text, which NFKC leaves as it is, only lower-cased. */
    private static String folded(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Appends the term starting at {@code start} (alphanumerics joined by single connectors): one placeholder
     * if it is a particular, else its words. Returns where the term ends.
     */
    private static int appendTerm(String text, int start, StringBuilder out) {
        int i = start;
        int n = text.length();
        boolean number = false;
        while (i < n) {
            int c = text.codePointAt(i);
            if (isAlphanumeric(c)) {
                number |= isNumber(c);
                i += Character.charCount(c);
            } else if (isConnector(c) && i + 1 < n && isAlphanumeric(text.codePointAt(i + 1))) {
                i += 1;
            } else {
                break;
            }
        }
        if (number || MONTHS.contains(text.substring(start, i))) {
            appendPlaceholder(out);
            return i;
        }
        int wordStart = start;
        for (int j = start; j <= i; j++) {
            if (j == i || isConnector(text.charAt(j))) {
                String word = text.substring(wordStart, j);
                if (MONTHS.contains(word)) {
                    appendPlaceholder(out);
                } else {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(word);
                }
                wordStart = j + 1;
            }
        }
        return i;
    }

    /** A placeholder, unless the text already ends with one: a run of particulars is one placeholder. */
    private static void appendPlaceholder(StringBuilder out) {
        int length = out.length();
        boolean endsWithOne = length > 0 && out.charAt(length - 1) == '#' && (length == 1 || out.charAt(length - 2) == ' ');
        if (!endsWithOne) {
            if (length > 0) {
                out.append(' ');
            }
            out.append(PLACEHOLDER);
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
