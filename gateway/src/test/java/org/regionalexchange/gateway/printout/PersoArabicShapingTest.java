package org.regionalexchange.gateway.printout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersoArabicShapingTest {

    private final PersoArabicShaping shaping = new PersoArabicShaping();

    @Test
    @DisplayName("the Persian yeh of a Dari name takes its medial and final forms; the basic letters keep ICU's")
    void persianYehInContext() {
        // رحیمی: reh (isolated), hah (initial), yeh (medial), meem (medial), yeh (final).
        String shaped = shaping.shapeText("\u0631\u062D\u06CC\u0645\u06CC");
        assertEquals("\uFEAD\uFEA3\uFBFF\uFEE4\uFBFD", shaped);
        assertEquals("\u0631\u062D\u06CC\u0645\u06CC", Normalizer.normalize(shaped, Normalizer.Form.NFKC));
    }

    @Test
    @DisplayName("keheh and gaf at the start of a word are initial; a yeh alone is isolated; a jeh after a joining letter is final")
    void initialIsolatedAndRightJoining() {
        // کابل: keheh initial before alef. گل: gaf initial. ی alone. بژ: beh initial, jeh final.
        assertEquals('\uFB90', shaping.shapeText("\u06A9\u0627\u0628\u0644").charAt(0));
        assertEquals('\uFB94', shaping.shapeText("\u06AF\u0644").charAt(0));
        assertEquals("\uFBFC", shaping.shapeText("\u06CC"));
        assertEquals('\uFB8B', shaping.shapeText("\u0628\u0698").charAt(1));
    }

    @Test
    @DisplayName("a lam-alef ligature before a Persian letter does not shift it; Latin and Cyrillic pass through")
    void ligatureAndOtherScripts() {
        // لای: lam-alef ligature (one glyph), then yeh isolated (alef does not join forward).
        String shaped = shaping.shapeText("\u0644\u0627\u06CC");
        assertEquals('\uFBFC', shaped.charAt(shaped.length() - 1));
        assertEquals("Рахимова", shaping.shapeText("Рахимова"));
    }
}
