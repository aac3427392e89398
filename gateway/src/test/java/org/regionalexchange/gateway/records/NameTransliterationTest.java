package org.regionalexchange.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Latin spelling shown beside a name as written: readable, and finding the same record. */
class NameTransliterationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Хабиби, Khabibi", "Навид, Navid", "Ёкубов, Yokubov", "Джамшед Ахмадович, Dzhamshed Akhmadovich",
            "Ғуломов, Ghulomov", "Қосимов, Qosimov", "Ҷураев, Juraev", "ШАРИПОВА, SHARIPOVA",
            "Şükrü, Sukru", "Abdul-Rahim, Abdul-Rahim", "Rahimi, Rahimi", "'  Навид   Ахмад ', Navid Akhmad"})
    @DisplayName("Cyrillic by the passport practice of the region, Latin kept, words capitalized")
    void latin(String written, String latin) {
        assertEquals(latin, NameFolding.latin(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Хабиби", "Ёкубов Юсуф", "احمد", "کریمی", "ځدراڼ", "Şükrü", "Мухаммад-Али", "ҲАКИМОВ"})
    @DisplayName("the shown spelling folds to the key of the name as written: it finds the same record")
    void sameKeyAsWritten(String written) {
        String latin = NameFolding.latin(written);
        assertTrue(latin.matches("[A-Za-z' -]+"), latin);
        assertEquals(NameFolding.key(written), NameFolding.key(latin), written + " / " + latin);
    }

    @Test
    @DisplayName("nothing for a name without letters, or none")
    void noLetters() {
        assertEquals("", NameFolding.latin(null));
        assertEquals("", NameFolding.latin("  --  "));
        assertEquals("", NameFolding.latin("<>"));
    }

    @Test
    @DisplayName("only letters, apostrophes and hyphens are kept: markup typed into a name is no part of its spelling")
    void onlyWhatNamesAreMadeOf() {
        assertEquals("Script Alert 'x' Script", NameFolding.latin("<script>alert('x')</script>"));
        assertEquals("Akhmad Script", NameFolding.latin("Ахмад<script>"));
        assertEquals("O'Neil", NameFolding.latin("O’Neil"));
    }
}
