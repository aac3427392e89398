package org.regionalexchange.gateway.printout;

import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;

/**
 * ICU's Arabic shaping as the PDF renderer uses it, completed for the letters of Dari and Pashto
 * names that ICU leaves unshaped: ICU gives the contextual form (presentation forms B) of the
 * basic Arabic letters only, so a Persian yeh, keheh, gaf, peh, tcheh, jeh or the Pashto e would
 * print in its isolated form inside a word. Their contextual forms (presentation forms A, in the
 * embedded font) are chosen here by the Unicode joining types of their neighbours. Pashto letters
 * that Unicode gives no presentation forms (e.g. ځ, ښ, ړ, ګ, ڼ) still print in their isolated
 * form: legible, but not joined.
 */
final class PersoArabicShaping implements BidiReorderer {

    /** Isolated, final, initial, medial; a right-joining letter has only the first two. */
    private static final Map<Character, char[]> FORMS = Map.of(
            '\u067E', new char[] {'\uFB56', '\uFB57', '\uFB58', '\uFB59'},
            '\u0686', new char[] {'\uFB7A', '\uFB7B', '\uFB7C', '\uFB7D'},
            '\u0698', new char[] {'\uFB8A', '\uFB8B'},
            '\u06A9', new char[] {'\uFB8E', '\uFB8F', '\uFB90', '\uFB91'},
            '\u06AF', new char[] {'\uFB92', '\uFB93', '\uFB94', '\uFB95'},
            '\u06CC', new char[] {'\uFBFC', '\uFBFD', '\uFBFE', '\uFBFF'},
            '\u06D0', new char[] {'\uFBE4', '\uFBE5', '\uFBE6', '\uFBE7'});

    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    @Override
    public String reorderRTLTextToLTR(String text) {
        return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public String shapeText(String text) {
        String shaped = icu.shapeText(text);
        if (text.chars().noneMatch(c -> FORMS.containsKey((char) c))) {
            return shaped;
        }
        // ICU leaves these letters as they are (it may merge lam-alef elsewhere, so positions can
        // shift): the n-th such letter of its output is the n-th of the input.
        StringBuilder out = new StringBuilder(shaped);
        int from = 0;
        for (int i = 0; i < out.length(); i++) {
            char[] forms = FORMS.get(out.charAt(i));
            if (forms == null) {
                continue;
            }
            int at = text.indexOf(out.charAt(i), from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            boolean joinsPrevious = joinsToward(text, at, -1);
            boolean joinsNext = forms.length == 4 && joinsToward(text, at, +1);
            int form = joinsPrevious && joinsNext ? 3 : joinsNext ? 2 : joinsPrevious ? 1 : 0;
            out.setCharAt(i, forms[form]);
        }
        return out.toString();
    }

    /** Whether the nearest non-transparent neighbour in direction {@code step} joins this letter. */
    private static boolean joinsToward(String text, int at, int step) {
        for (int i = at + step; i >= 0 && i < text.length(); i += step) {
            int type = UCharacter.getIntPropertyValue(text.charAt(i), UProperty.JOINING_TYPE);
            if (type == UCharacter.JoiningType.TRANSPARENT) {
                continue;
            }
            if (type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.JOIN_CAUSING) {
                return true;
            }
            // The next letter (to the left) joins back if it joins to the right at all.
            return step > 0 && type == UCharacter.JoiningType.RIGHT_JOINING;
        }
        return false;
    }

    @Override
    public String deshapeText(String text) {
        return icu.deshapeText(text);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }
}
