package org.regionalexchange.policy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values refuse bad input at construction, and their messages name the bad value and what is allowed. */
class ValueFactoriesTest {

    private static String message(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void countryCodesAreCheckedAgainstTheIsoList() {
        assertEquals("Unknown country code 'XX'; expected ISO 3166-1 alpha-2, upper case (e.g. KZ, KG, TJ, TM, AF)",
                message(() -> CountryCode.of("XX")));
        assertTrue(message(() -> CountryCode.of("kz")).startsWith("Unknown country code 'kz'"));
        assertEquals("KZ", CountryCode.of("KZ").value());
    }

    @Test
    void identifiersNameTheBadValue() {
        assertTrue(message(() -> AgencyId.of("kz-migration")).startsWith("Invalid agency id 'kz-migration'; expected"));
        assertTrue(message(() -> AgencyId.of("KZMIGRATION")).contains("'KZMIGRATION'"));
        assertTrue(message(() -> OrganizationCode.of("unhcr")).startsWith("Invalid organization code 'unhcr'"));
        assertTrue(message(() -> NodeId.of("KZ")).startsWith("Invalid node id 'KZ'"));
        assertEquals("Unknown category 'ADDRESS'; expected one of [IDENTITY, CASE_STATUS, CLAIM, FAMILY, CONTACT, SPECIFIC_NEEDS]",
                message(() -> Category.parse("ADDRESS")));
        assertTrue(message(() -> Purpose.parse("BORDER_CONTROL")).startsWith("Unknown purpose 'BORDER_CONTROL'; expected one of"));
    }

    @Test
    void aPartialBirthDateIsCertainlyAChildOnlyIfEvenItsEarliestDayIs() {
        BirthDate year = BirthDate.parse("2008");
        assertEquals(LocalDate.of(2008, 1, 1), year.earliestPossible());
        assertTrue(year.certainlyChildOn(LocalDate.of(2025, 12, 31)));
        assertFalse(year.certainlyChildOn(LocalDate.of(2026, 1, 1)));
        assertTrue(year.couldBeChildOn(LocalDate.of(2026, 1, 1)), "could be, not certainly");
        BirthDate month = BirthDate.parse("2008-11");
        assertEquals(LocalDate.of(2008, 11, 1), month.earliestPossible());
        assertFalse(month.certainlyChildOn(LocalDate.of(2026, 11, 1)));
        BirthDate full = BirthDate.parse("2008-02-29");
        assertTrue(full.certainlyChildOn(LocalDate.of(2026, 2, 28)));
        assertFalse(full.certainlyChildOn(LocalDate.of(2026, 3, 1)));
        assertEquals(full.couldBeChildOn(LocalDate.of(2026, 2, 28)), full.certainlyChildOn(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void birthDatesMayBePartialAndCountAsChildWhileTheyCouldBe() {
        BirthDate year = BirthDate.parse("2008");
        assertEquals(LocalDate.of(2008, 12, 31), year.latestPossible());
        assertTrue(year.couldBeChildOn(LocalDate.of(2026, 12, 30)));
        assertFalse(year.couldBeChildOn(LocalDate.of(2026, 12, 31)));
        BirthDate month = BirthDate.parse("2008-02");
        assertEquals(LocalDate.of(2008, 2, 29), month.latestPossible());
        BirthDate full = BirthDate.parse("2008-11-25");
        assertTrue(full.couldBeChildOn(LocalDate.of(2026, 11, 24)));
        assertFalse(full.couldBeChildOn(LocalDate.of(2026, 11, 25)));
        BirthDate leap = BirthDate.parse("2008-02-29");
        assertEquals(LocalDate.of(2026, 3, 1), leap.certainlyAdultFrom());
        assertEquals(LocalDate.of(2030, 3, 1), BirthDate.parse("2012-02-29").certainlyAdultFrom());
        assertEquals("2008-02", month.toString());
        assertEquals(Optional.empty(), BirthDate.tryParse("2008-02-30"));
        assertEquals(Optional.empty(), BirthDate.tryParse("199?"));
        assertEquals("Invalid date of birth '1990..1995'; expected YYYY, YYYY-MM or YYYY-MM-DD",
                message(() -> BirthDate.parse("1990..1995")));
    }

    @Test
    void consentValidityEndsBeforeValidUntil() {
        Consent consent = new Consent("C-1", List.of(ConsentRecipient.country("KG")), Set.of(Purpose.RSD_CASE_PROCESSING),
                Set.of(Category.CLAIM), LocalDate.of(2026, 2, 1), Optional.of(LocalDate.of(2027, 2, 1)),
                ConsentGiver.SUBJECT, Optional.empty());
        assertFalse(consent.isInForceOn(LocalDate.of(2026, 1, 31)));
        assertTrue(consent.isInForceOn(LocalDate.of(2026, 2, 1)));
        assertTrue(consent.isInForceOn(LocalDate.of(2027, 1, 31)));
        assertFalse(consent.isInForceOn(LocalDate.of(2027, 2, 1)));
        assertEquals("Consent 'C-2' validUntil 2026-02-01 is not after validFrom 2026-02-01; expected validFrom < validUntil (validUntil exclusive)",
                message(() -> new Consent("C-2", List.of(ConsentRecipient.country("KG")), Set.of(Purpose.RSD_CASE_PROCESSING),
                        Set.of(Category.CLAIM), LocalDate.of(2026, 2, 1), Optional.of(LocalDate.of(2026, 2, 1)),
                        ConsentGiver.SUBJECT, Optional.empty())));
        assertEquals("Empty consent categories; expected at least one",
                message(() -> new Consent("C-3", List.of(ConsentRecipient.country("KG")), Set.of(Purpose.RSD_CASE_PROCESSING),
                        Set.of(), LocalDate.of(2026, 2, 1), Optional.empty(), ConsentGiver.SUBJECT, Optional.empty())));
    }

    @Test
    void agreementsNeedTwoPartiesAndAPurpose() {
        EnumMap<Purpose, Set<Category>> coverage = new EnumMap<>(Purpose.class);
        coverage.put(Purpose.RSD_CASE_PROCESSING, Set.of(Category.IDENTITY));
        assertEquals("Agreement 'A' names country KZ twice; expected two different parties",
                message(() -> new Agreement("A", Party.country("KZ"), Party.country("KZ"), LocalDate.of(2026, 1, 1),
                        Optional.empty(), coverage)));
        assertEquals("Agreement 'B' covers no purpose; expected at least one",
                message(() -> new Agreement("B", Party.country("KZ"), Party.organization("UNHCR"),
                        LocalDate.of(2026, 1, 1), Optional.empty(), new EnumMap<>(Purpose.class))));
        Agreement both = new Agreement("C", Party.country("KZ"), Party.country("KG"), LocalDate.of(2026, 1, 1),
                Optional.empty(), coverage);
        assertTrue(both.isBetween(Party.country("KG"), Party.country("KZ")));
        assertFalse(both.isBetween(Party.country("KG"), Party.country("TJ")));
    }

    @Test
    void requestsNeedAtLeastOneCategory() {
        Requester requester = new Requester(NodeId.of("kg"), Party.country("KG"), AgencyId.of("KG-SMS"), RequesterRole.OFFICER);
        assertEquals("Empty categories; expected at least one", message(() -> InformationRequest.of(requester,
                Purpose.RSD_CASE_PROCESSING, LegalBasis.AGREEMENT, "KG-1", "text", List.of(), Urgency.ROUTINE,
                new SubjectSelector.RecordReference("KZ-1"))));
        assertEquals(Optional.of(CountryCode.of("KG")), requester.country());
        assertEquals(Optional.empty(), new Requester(NodeId.of("unhcr"), Party.organization("UNHCR"),
                AgencyId.of("UNHCR-KZ"), RequesterRole.OFFICER).country());
    }

    @Test
    void subjectRecordCountriesOfOriginAreTheUnion() {
        SubjectRecord record = new SubjectRecord("KZ-1", Set.of(CountryCode.of("AF")), Set.of(CountryCode.of("IR")),
                Set.of(CountryCode.of("PK")), Optional.empty(), Set.of(), false, List.of());
        assertEquals("[AF, IR, PK]", record.countriesOfOrigin().toString());
        assertTrue(record.isCountryOfOrigin(CountryCode.of("PK")));
        assertFalse(record.isCountryOfOrigin(CountryCode.of("KG")));
    }

    @Test
    void justificationNormalizationIgnoresCaseSpacingAndPunctuation() {
        assertEquals("routine check case kg 1", JustificationFingerprint.normalize("  Routine   CHECK!! Case KG-1. "));
        assertEquals(JustificationFingerprint.of("Routine check, case KG-1"), JustificationFingerprint.of("routine check case kg 1"));
        assertEquals(JustificationFingerprint.of("ｆｕｌｌｗｉｄｔｈ"), JustificationFingerprint.of("fullwidth"));
        // SHA-256 of the empty string: punctuation-only text normalizes to nothing.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                JustificationFingerprint.of(" ... !").sha256Hex());
        assertEquals(64, JustificationFingerprint.of("x").sha256Hex().length());
        assertTrue(message(() -> new JustificationFingerprint("abc")).startsWith("Invalid justification fingerprint 'abc'"));
    }
}
