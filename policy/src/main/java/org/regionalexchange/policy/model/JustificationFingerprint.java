package org.regionalexchange.policy.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fingerprint of a normalized justification: what the gateway stores to detect one justification
 * being reused for several people (seed 000 §8.5 asks for a "concrete justification" per individual case).
 *
 * <p>Normalization: Unicode NFKC, lower case, every run of characters that are not letters or digits
 * becomes one space, trimmed. So "Routine check!" and "routine   CHECK" are the same justification.
 *
 * @param sha256Hex lower-case hex SHA-256 of the UTF-8 normalized text
 */
public record JustificationFingerprint(String sha256Hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public JustificationFingerprint {
        Require.present(sha256Hex, "justification fingerprint");
        if (!HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("Invalid justification fingerprint '" + sha256Hex
                    + "'; expected 64 lower-case hex digits (SHA-256)");
        }
    }

    /** The fingerprint of the justification text, after {@link #normalize}. */
    public static JustificationFingerprint of(String justification) {
        return ofNormalized(normalize(justification));
    }

    /** The fingerprint of a text that is already the result of {@link #normalize}. */
    public static JustificationFingerprint ofNormalized(String normalized) {
        return new JustificationFingerprint(Sha256.hex(normalized));
    }

    /** NFKC, lower case, runs of non-letters/digits to one space, trimmed. */
    public static String normalize(String text) {
        Require.present(text, "justification text");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                return SEPARATORS.matcher(folded).replaceAll(" ").trim();
            }
        }
        return normalizeAscii(text);
    }

    /** The same result as the general path for ASCII text (NFKC leaves ASCII unchanged), without regex. */
    private static String normalizeAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append((char) (c + ('a' - 'A')));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }
}
