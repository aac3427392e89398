package org.regionalexchange.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A value as the application log writes it: each case, the text and its escaped form. */
class LogTextTest {

    @Test
    @DisplayName("line breaks, tab, NUL, ESC, DEL, a C1 control and the Unicode line separators are escaped; a backslash is doubled")
    void controlCharactersAreEscaped() {
        assertEquals("a\\r\\nb\\tc\\u0000d\\u001b[31me\\u007ff\\u0085g\\u2028h\\\\i",
                LogText.escape("a\r\nb\tc\u0000d\u001b[31me\u007ff\u0085g\u2028h\\i"));
    }

    @Test
    @DisplayName("the start-up failure analysis keeps its lines and backslashes; its other control characters are escaped")
    void reportsKeepTheirLines() {
        assertEquals("Invalid gateway configuration:\n  - a = '^\\d+$'\\r\\u0000",
                LogText.escapeKeepingLines("Invalid gateway configuration:\n  - a = '^\\d+$'\r\u0000"));
    }

    @Test
    @DisplayName("ordinary text, names in any script included, is written as it is")
    void ordinaryTextIsUnchanged() {
        String text = "request answered requestId=1 holderAgency=KZ-MIGRATION Тошкент";
        assertSame(text, LogText.escape(text));
        assertEquals(null, LogText.escape(null));
    }
}
