package org.regionalexchange.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionalexchange.gateway.validation.JsonText;

/** Identity matching with the spellings officers of the region actually meet. */
class IdentityMatcherTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Рахими, Rahimi", "Ахмад, Ahmad", "Ахмад, Akhmad", "Ahmad, Akhmad",
            "Ёкубов, Yokubov", "Ёкубов, Iokubov", "Yokubov, Iokubov", "Ёкубов, Ekubov",
            "Muhammad, Mohammad", "Muhammad, Mukhammad", "Мухаммад, Mohammad",
            "Джамшед, Jamshed", "Шарипова, Sharipova", "Ғуломов, Ghulomov", "Ғуломов, Gulomov",
            "Қосимов, Qosimov", "Қосимов, Kosimov", "Xolmatov, Kholmatov", "Юсуф, Yusuf",
            "Abdul-Rahim, Abdulrahim", "Nazari, NAZARI", "Şükrü, Shukru"})
    @DisplayName("spellings of one name fold to one key")
    void sameKey(String a, String b) {
        assertEquals(NameFolding.key(a), NameFolding.key(b), a + " / " + b);
        assertFalse(NameFolding.key(a).isEmpty());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({"Rahimi, Karimi", "Ahmad, Mahmud", "Yokubov, Yakubov", "Nazari, Nasiri"})
    @DisplayName("different names keep different keys")
    void differentKeys(String a, String b) {
        assertFalse(NameFolding.key(a).equals(NameFolding.key(b)), a + " / " + b);
    }

    @Test
    @DisplayName("a birth year is compatible with every full date in that year, and with no other")
    void birthYearAgainstFullDate() {
        assertTrue(BirthDates.of("1994").overlaps(BirthDates.of("1994-03-02")));
        assertTrue(BirthDates.of("1994-03").overlaps(BirthDates.of("1994-03-31")));
        assertFalse(BirthDates.of("1994-04").overlaps(BirthDates.of("1994-03-31")));
        assertFalse(BirthDates.of("1995").overlaps(BirthDates.of("1994-12-31")));
    }

    @Test
    @DisplayName("the Cyrillic query Рахими Ахмад 1994 finds the Latin record Rahimi Ahmad 1994-03-02")
    void cyrillicQueryFindsLatinRecord() {
        SubjectRecord rahimi = record("Rahimi", "Ahmad", "1994-03-02", "AF", "P1234567");
        SubjectRecord karimi = record("Karimi", "Ahmad", "1994-03-02", "AF", null);
        assertEquals(List.of(rahimi.id()), IdentityMatcher.select(keys(rahimi, karimi),
                new IdentityQuery("Рахими", "Ахмад", "1994", null, null)));
        assertEquals(List.of(rahimi.id()), IdentityMatcher.select(keys(rahimi, karimi),
                new IdentityQuery("RAHIMI", "Akhmad", "1994-03-02", "AF", "p-123 4567")));
    }

    @Test
    @DisplayName("two records that fit are both returned: the matcher never picks one")
    void ambiguityIsReturnedNotResolved() {
        SubjectRecord first = record("Yokubov", "Muhammad", "1988-07-11", "TJ", null);
        SubjectRecord second = record("Iokubov", "Mohammad", "1988", "TJ", null);
        SubjectRecord other = record("Yokubov", "Muhammad", "1979-01-01", "TJ", null);
        List<UUID> found = IdentityMatcher.select(keys(first, second, other),
                new IdentityQuery("Ёкубов", "Мухаммад", "1988-07-11", null, null));
        assertEquals(2, found.size());
        assertTrue(found.containsAll(List.of(first.id(), second.id())));
    }

    @Test
    @DisplayName("a contradicting nationality or document removes a record; missing data does not")
    void narrowing() {
        SubjectRecord afghan = record("Rahimi", "Ahmad", "1994", "AF", "P1234567");
        SubjectRecord unknown = record("Rahimi", "Ahmad", "1994", null, null);
        assertEquals(List.of(unknown.id()), IdentityMatcher.select(keys(afghan, unknown),
                new IdentityQuery("Rahimi", "Ahmad", "1994", "IR", null)));
        List<UUID> byDocument = IdentityMatcher.select(keys(afghan, unknown),
                new IdentityQuery("Rahimi", "Ahmad", "1994", null, "P1234567"));
        assertEquals(2, byDocument.size());
        assertEquals(List.of(unknown.id()), IdentityMatcher.select(keys(afghan, unknown),
                new IdentityQuery("Rahimi", "Ahmad", "1994", null, "X9999999")));
    }

    @Test
    @DisplayName("the given names of the query must all be the record's: Ahmad fits Ahmad Shah, Shah Wali does not")
    void givenNames() {
        SubjectRecord ahmadShah = record("Rahimi", "Ahmad Shah", "1994", "AF", null);
        assertEquals(1, IdentityMatcher.select(keys(ahmadShah), new IdentityQuery("Rahimi", "Ahmad", "1994", null, null)).size());
        assertEquals(1, IdentityMatcher.select(keys(ahmadShah), new IdentityQuery("Rahimi", "Ahmadshah", "1994", null, null)).size());
        assertEquals(0, IdentityMatcher.select(keys(ahmadShah), new IdentityQuery("Rahimi", "Shah Wali", "1994", null, null)).size());
    }

    @Test
    @DisplayName("wildcards and missing attributes are refused, not interpreted")
    void wildcardsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityQuery("Rah*", "Ahmad", "1994", null, null));
        assertThrows(IllegalArgumentException.class, () -> new IdentityQuery("Rahimi", "%", "1994", null, null));
        assertThrows(IllegalArgumentException.class, () -> new IdentityQuery("Rahimi", "Ahmad", null, null, null));
        assertTrue(IdentityMatcher.select(keys(record("Rahimi", "Ahmad", "1994", null, null)),
                new IdentityQuery("Rah", "Ahmad", "1994", null, null)).isEmpty(), "no prefix matching");
    }

    @Test
    @DisplayName("toString of a record shows its id only")
    void noPersonalDataInToString() {
        SubjectRecord record = record("Rahimi", "Ahmad", "1994", "AF", null);
        assertEquals("SubjectRecord[" + record.id() + "]", record.toString());
        assertFalse(record.claim(PersonalDataAccess.FOR_REGISTRAR_VIEW).toString().contains("Rahimi"));
    }

    /** The matching keys of records, as the matcher reads them from their rows. */
    private static List<IdentityMatcher.MatchKeys> keys(SubjectRecord... records) {
        return java.util.Arrays.stream(records).map(SubjectRecord::matchKeys).toList();
    }

    static SubjectRecord record(String family, String given, String birth, String nationality, String document) {
        String json = """
                {"holderRecordRef":"REF-%s","identity":{"familyName":"%s","givenNames":"%s"%s,"nationalities":[%s]%s},
                 "caseStatus":{"status":"ASYLUM_SEEKER","statusDate":"2026-01-15"}}""".formatted(
                UUID.randomUUID(), family, given, birth == null ? "" : ",\"dateOfBirth\":\"" + birth + "\"",
                nationality == null ? "" : "\"" + nationality + "\"",
                document == null ? "" : ",\"documents\":[{\"type\":\"PASSPORT\",\"number\":\"" + document + "\"}]");
        return new SubjectRecord(UUID.randomUUID(), "KZ-MIGRATION", JsonText.parse(json), Instant.now());
    }
}
