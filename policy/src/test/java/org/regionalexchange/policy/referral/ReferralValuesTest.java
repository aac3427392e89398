package org.regionalexchange.policy.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Party;

/** The values of identification and referral refuse bad input at construction, naming the bad value. */
class ReferralValuesTest {
    private static final ContactBlock CONTACT = new ContactBlock(Optional.of("Determines refugee status."), "RSD Unit",
            Optional.empty(), "+7 7172 000 101", Optional.empty(), "Astana", "Mon-Fri 09:00-18:00", Optional.of("+7 199"));
    private static final Labels YES = Labels.of("Yes", "Да");

    private static String message(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void answerCodesHaveTheirShape() {
        assertEquals("reasonsForLeaving.PERSECUTION", AnswerCode.parse("reasonsForLeaving.PERSECUTION").toString());
        assertEquals("Invalid answer code 'PERSECUTION'; expected question.OPTION, e.g. reasonsForLeaving.PERSECUTION",
                message(() -> AnswerCode.parse("PERSECUTION")));
        assertTrue(message(() -> AnswerCode.of("ReasonsForLeaving", "X")).startsWith("Invalid question id 'ReasonsForLeaving'"));
        assertTrue(message(() -> AnswerCode.of("reasonsForLeaving", "persecution")).startsWith("Invalid option code 'persecution'"));
    }

    @Test
    void optionsAndQuestionsKeepTheAnnexShape() {
        assertTrue(message(() -> new AnswerOption("OTHER", YES, Set.of(), true, EnumSet.of(Indicator.POTENTIAL_ASYLUM_SEEKER)))
                .startsWith("Option OTHER indicates POTENTIAL_ASYLUM_SEEKER, which comes only from a mark"));
        assertTrue(message(() -> new AnswerOption("OTHER", YES, Set.of(), true, EnumSet.of(Indicator.CHILD)))
                .contains("which comes only from age and company"));
        AnswerOption yes = new AnswerOption("YES", YES, EnumSet.of(Mark.ASTERISK), false, Set.of());
        AnswerOption no = new AnswerOption("NO", Labels.of("No", "Нет"), Set.of(), false, Set.of());
        assertEquals("Question forcedToLeave is YES_NO with options [NO, YES]; expected exactly [YES, NO]",
                message(() -> new Question("forcedToLeave", 6, AnswerKind.YES_NO, YES, Optional.empty(), List.of(),
                        List.of(no, yes))));
        assertTrue(message(() -> new Question("leftOn", 1, AnswerKind.PARTIAL_DATE, YES, Optional.empty(), List.of(),
                List.of(yes, no))).startsWith("Question leftOn is PARTIAL_DATE; expected options for YES_NO and ANY_OF"));
        assertEquals(EnumSet.of(Indicator.POTENTIAL_ASYLUM_SEEKER, Indicator.POTENTIAL_TRAFFICKING_VICTIM,
                Indicator.VICTIM_OF_VIOLENCE_OR_TORTURE), new AnswerOption("X", YES, EnumSet.of(Mark.CROSS, Mark.ASTERISK),
                false, EnumSet.of(Indicator.VICTIM_OF_VIOLENCE_OR_TORTURE)).raises());
        assertEquals(Mark.CROSS, Mark.ofSymbol("+"));
        assertEquals("Unknown mark '#'; expected * or +", message(() -> Mark.ofSymbol("#")));
        assertTrue(message(() -> Labels.of("Yes", " ")).startsWith("Blank label in 'ru'"));
    }

    @Test
    void consentNamesTheLanguageThePersonWasInformedIn() {
        assertEquals("prs", new ReferralConsent(ConsentGiver.GUARDIAN, "prs", true, Optional.of("slip-0042")).informedInLanguage());
        assertEquals("Invalid language 'Dari'; expected an ISO 639-1 or 639-3 code in lower case, e.g. ru, prs",
                message(() -> new ReferralConsent(ConsentGiver.SUBJECT, "Dari", false, Optional.empty())));
    }

    @Test
    void directoryValuesAreComplete() {
        assertEquals("Blank department; expected some text", message(() -> new ContactBlock(Optional.empty(), " ",
                Optional.empty(), "1", Optional.empty(), "a", "b", Optional.empty())));
        assertEquals("Agency KZ-X has no function; expected at least one", message(() -> new DirectoryAgency(
                AgencyId.of("KZ-X"), "X", Party.country("KZ"), Set.of(), CONTACT)));
        DirectoryAgency rsd = new DirectoryAgency(AgencyId.of("KZ-MIGRATION"), "Migration", Party.country("KZ"),
                EnumSet.of(AgencyFunction.RSD), CONTACT);
        assertEquals("Agency KZ-MIGRATION is listed twice in the directory; expected each once",
                message(() -> new ReferralDirectory(List.of(rsd, rsd))));
        assertEquals("Unknown agency function 'SHELTER'; expected one of [RSD, BORDER, CHILD_PROTECTION, ANTI_TRAFFICKING,"
                + " CARE, SECURITY, LIAISON]", message(() -> AgencyFunction.parse("SHELTER")));
        DirectoryAgency unhcr = new DirectoryAgency(AgencyId.of("UNHCR-KZ"), "UNHCR", Party.organization("UNHCR"),
                EnumSet.of(AgencyFunction.LIAISON), CONTACT);
        DirectoryAgency iom = new DirectoryAgency(AgencyId.of("IOM-KZ"), "IOM", Party.organization("IOM"),
                EnumSet.of(AgencyFunction.CARE), CONTACT);
        assertTrue(unhcr.isUnhcrOffice() && unhcr.country().isEmpty());
        assertFalse(iom.isUnhcrOffice());
        assertTrue(ReferralType.UNHCR.isReceivableBy(unhcr) && !ReferralType.UNHCR.isReceivableBy(iom));
        assertTrue(ReferralType.SPECIFIC_NEEDS_CARE.isReceivableBy(iom) && !ReferralType.SPECIFIC_NEEDS_CARE.isReceivableBy(rsd));
    }

    @Test
    void referralRequestsNameTheirCategoriesAndAReasonWithText() {
        ReferralEngine engine = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
        ReferredPerson person = engine.screenedPerson(answers(Optional.of(BirthDate.parse("1990"))), Instant.parse("2026-11-30T09:00:00Z"));
        DirectoryAgency rsd = new DirectoryAgency(AgencyId.of("KZ-MIGRATION"), "Migration", Party.country("KZ"),
                EnumSet.of(AgencyFunction.RSD), CONTACT);
        assertEquals("A referral without categories; expected at least one (IDENTITY)", message(() -> new ReferralRequest(
                person, rsd, ReferralType.ASYLUM_PROCEDURE, Set.of(), Optional.empty(), Optional.empty())));
        assertEquals("Blank best-interest reason; expected some text", message(() -> new ReferralRequest(person, rsd,
                ReferralType.CHILD_PROTECTION, Set.of(ReferralCategory.IDENTITY), Optional.empty(), Optional.of("  "))));
    }

    @Test
    void screeningTextsAreNotBlank() {
        assertEquals("Blank text for reasonsForLeaving.OTHER; expected some text", message(() -> new ScreeningAnswers(
                new PersonAsKnown(Optional.empty(), Set.of(), Set.of(), Accompaniment.UNKNOWN),
                Set.of(AnswerCode.of("reasonsForLeaving", "OTHER")), Map.of(AnswerCode.of("reasonsForLeaving", "OTHER"), ""),
                Optional.empty(), Set.of(), Set.of(), Set.of())));
    }

    /** SCREENING is the referral's own category; the six others are the record's, with the same consent rule. */
    @Test
    void referralCategoriesMirrorTheRecordCategories() {
        for (Category category : Category.values()) {
            ReferralCategory mirrored = ReferralCategory.of(category);
            assertEquals(Optional.of(category), mirrored.recordCategory());
            assertEquals(category.requiresConsent(), mirrored.requiresConsent(), category.name());
        }
        assertEquals(Category.values().length + 1, ReferralCategory.values().length);
        assertTrue(ReferralCategory.SCREENING.recordCategory().isEmpty());
        assertTrue(ReferralCategory.SCREENING.requiresConsent() && ReferralCategory.SCREENING.isConsentAlways());
        assertEquals(EnumSet.of(ReferralCategory.CLAIM, ReferralCategory.FAMILY, ReferralCategory.SCREENING),
                EnumSet.copyOf(java.util.Arrays.stream(ReferralCategory.values()).filter(ReferralCategory::isConsentAlways).toList()));
        // Every type may carry IDENTITY, and SPECIFIC_NEEDS never goes to the asylum procedure (as in the exchange).
        for (ReferralType type : ReferralType.values()) {
            assertTrue(type.categories().contains(ReferralCategory.IDENTITY), type.name());
        }
        assertFalse(ReferralType.ASYLUM_PROCEDURE.categories().contains(ReferralCategory.SPECIFIC_NEEDS));
    }

    @Test
    void suggestionsCarryTheContactBlockForTheReferralSlip() {
        ReferralEngine engine = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
        ReferredPerson person = engine.screenedPerson(answers(Optional.of(BirthDate.parse("1990"))), Instant.parse("2026-11-30T09:00:00Z"));
        DirectoryAgency rsd = new DirectoryAgency(AgencyId.of("KZ-MIGRATION"), "Migration", Party.country("KZ"),
                EnumSet.of(AgencyFunction.RSD), CONTACT);
        ReferralSuggestions s = engine.suggestedReferrals(person, new ReferralDirectory(List.of(rsd)));
        assertEquals(1, s.suggestions().size());
        assertEquals(Optional.of("+7 199"), s.suggestions().get(0).agency().contact().hotline());
        assertEquals(List.of(Indicator.POTENTIAL_ASYLUM_SEEKER), s.suggestions().get(0).because());
        assertEquals(Set.of(ReferralType.UNHCR), s.noAgencyFor());
    }

    @Test
    void countriesOfOriginOfAScreeningIncludeEveryCountryTheAnswersName() {
        ScreeningAnswers answers = new ScreeningAnswers(new PersonAsKnown(Optional.empty(), Set.of(CountryCode.of("AF")),
                Set.of(CountryCode.of("IR")), Accompaniment.ALONE), Set.of(), Map.of(), Optional.of(CountryCode.of("TJ")),
                Set.of(CountryCode.of("PK")), Set.of(CountryCode.of("UZ")), Set.of());
        assertEquals("[AF, IR, PK, TJ, UZ]", answers.countriesOfOrigin().toString());
        ReferralEngine engine = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
        assertEquals(answers.countriesOfOrigin(), engine.screenedPerson(answers, Instant.parse("2026-11-30T09:00:00Z"))
                .countriesOfOrigin());
    }

    @Test
    void answersThatDoNotFitAreNeverJudged() {
        ReferralEngine engine = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
        ScreeningAnswers bad = new ScreeningAnswers(new PersonAsKnown(Optional.empty(), Set.of(), Set.of(), Accompaniment.ALONE),
                Set.of(AnswerCode.of("howLeft", "OTHER")), Map.of(), Optional.empty(), Set.of(), Set.of(), Set.of());
        assertEquals("The answers do not fit questionnaire annex1 v1: answer howLeft.OTHER: the option asks to specify;"
                + " expected its text", message(() -> engine.indicators(bad, Instant.parse("2026-11-30T09:00:00Z"))));
    }

    private static ScreeningAnswers answers(Optional<BirthDate> dateOfBirth) {
        return new ScreeningAnswers(new PersonAsKnown(dateOfBirth, Set.of(CountryCode.of("AF")), Set.of(), Accompaniment.ALONE),
                Set.of(AnswerCode.of("reasonsForLeaving", "PERSECUTION")), Map.of(), Optional.of(CountryCode.of("AF")),
                Set.of(), Set.of(), Set.of());
    }
}
