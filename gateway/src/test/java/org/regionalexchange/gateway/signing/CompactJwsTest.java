package org.regionalexchange.gateway.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The alphabet check of a compact JWS's parts (unpadded base64url, RFC 4648 §5). */
class CompactJwsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    @DisplayName("each of the 65,536 chars, alone and after a valid prefix; result: accepted exactly when it is one of the 64 of base64url")
    void everyCharOfTheAlphabetAndNoOther() {
        int accepted = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            boolean expected = ALPHABET.indexOf(c) >= 0;
            assertEquals(expected, CompactJws.isBase64Url(String.valueOf(c)), () -> "char " + (int) c);
            assertEquals(expected, CompactJws.isBase64Url("eyJh" + c), () -> "char " + (int) c + " after a prefix");
            accepted += expected ? 1 : 0;
        }
        assertEquals(64, accepted);
        assertTrue(CompactJws.isBase64Url(ALPHABET));
    }

    @Test
    @DisplayName("an envelope with padding, a '+' or a '/' in a part; result: malformed")
    void standardBase64IsRefused() {
        for (String part : new String[] {"eyJhbGciOiJFZERTQSJ9=", "ab+c", "ab/c"}) {
            assertThrows(EnvelopeRejectedException.class, () -> CompactJws.parse(part + ".e30.c2ln"), part);
            assertThrows(EnvelopeRejectedException.class, () -> CompactJws.parse("e30." + part + ".c2ln"), part);
            assertThrows(EnvelopeRejectedException.class, () -> CompactJws.parse("e30.e30." + part), part);
        }
    }
}
