package org.regionalexchange.policy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The helpers the gateway and the policy share instead of writing them again. */
class SharedHelpersTest {

    @Test
    @DisplayName("Sha256: the FIPS 180-2 vectors, as hex and as bytes, also from several threads")
    void sha256() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Sha256.digest("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        // UTF-8, not the platform's charset: "é" is two bytes.
        assertEquals(Sha256.hex("\u00e9"), HexFormat.of().formatHex(Sha256.digest(new byte[] {(byte) 0xc3, (byte) 0xa9})));
        List<Thread> threads = new ArrayList<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!Sha256.hex("abc").startsWith("ba7816bf")) {
                        wrong.add("run " + i);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), wrong);
        assertEquals(Sha256.hex("routine check"), JustificationFingerprint.ofNormalized("routine check").sha256Hex());
    }

    @Test
    @DisplayName("CountryCode: one list, the JDK's ISO 3166-1 alpha-2 codes, sorted; lower case, unknown and null are not codes")
    void countryCodes() {
        assertEquals(List.of(Locale.getISOCountries()).stream().sorted().toList(), List.copyOf(CountryCode.all()));
        assertTrue(CountryCode.isKnown("KZ"));
        assertFalse(CountryCode.isKnown("kz"));
        assertFalse(CountryCode.isKnown("XX"));
        assertFalse(CountryCode.isKnown(null));
        assertThrows(UnsupportedOperationException.class, () -> CountryCode.all().add("XX"));
    }

    @Test
    @DisplayName("Party.of: the country when there is one, else the organization")
    void partyOf() {
        assertEquals(Party.country("KG"), Party.of("KG", null));
        assertEquals(Party.organization("UNHCR"), Party.of(null, "UNHCR"));
        assertThrows(IllegalArgumentException.class, () -> Party.of("XX", null));
    }

    @Test
    @DisplayName("Require.nonBlank and optionalNonBlank refuse blank text; Require.text keeps allowing it")
    void nonBlankText() {
        assertEquals("a", Require.nonBlank("a", "label", 5));
        assertEquals("Blank label; expected some text",
                assertThrows(IllegalArgumentException.class, () -> Require.nonBlank("  ", "label", 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Require.nonBlank("abcdef", "label", 5));
        assertEquals(Optional.empty(), Require.optionalNonBlank(Optional.empty(), "label", 5));
        assertThrows(IllegalArgumentException.class, () -> Require.optionalNonBlank(Optional.of(" "), "label", 5));
        assertEquals(" ", Require.text(" ", "label", 5));
    }
}
