package org.regionalexchange.policy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.regionalexchange.policy.referral.AnswerKind;
import org.regionalexchange.policy.referral.AnswerOption;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.Mark;
import org.regionalexchange.policy.referral.Question;
import org.regionalexchange.policy.referral.Questionnaire;

/**
 * The Annex 1 questionnaire file is the Annex, whole: every question in its order and every answer option with
 * exactly the marks the Annex prints (seed 000, Annex 1), in English and Russian; and a broken questionnaire
 * file is refused with every error, placed at its line.
 */
class QuestionnaireFileLoaderTest {
    private static final Path INVALID = Path.of("src", "test", "resources", "invalid-questionnaires");

    /**
     * A transcription of Annex 1, question by question: each option's code followed by the marks the Annex
     * prints after it ("+*" for "sold by someone+*"), "?" for an "Other (specify)" option. Written from the
     * Annex, not from the file, so that a dropped option or a lost mark fails here.
     */
    private static final Map<String, String> ANNEX1 = annex1();

    private static Map<String, String> annex1() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("leftOn", "PARTIAL_DATE");
        q.put("journeyStart", "COUNTRY");
        q.put("transit", "JOURNEY");
        q.put("knowsCurrentCountry", "YES NO");
        q.put("reasonsForLeaving", "FLIGHT_FROM_HARM* PERSECUTION* PERSECUTION_DUE_TO_ETHNICITY*"
                + " LIFE_FREEDOM_OR_INTEGRITY_AT_RISK* INDISCRIMINATE_VIOLENCE* DOMESTIC_VIOLENCE* ARMED_CONFLICT*"
                + " DISRUPTION_OF_PUBLIC_ORDER* DISCRIMINATION* EMPLOYMENT_PROMISE_BY_THIRD_PERSON+ DECEPTION+"
                + " PROMISE_LINKED_TO_DESTINATION+ EDUCATION_OPPORTUNITY EMPLOYMENT_AND_BETTER_LIVING_CONDITIONS"
                + " VISITING_FAMILY_OR_FRIENDS FAMILY_REUNIFICATION MARRIAGE NATURAL_CATASTROPHE_OR_CLIMATE OTHER?");
        q.put("forcedToLeave", "YES* NO");
        q.put("howLeft", "OWN_MEANS HELPED_BY_ANOTHER_PERSON+ PAID_SOMEONE+ INVOLUNTARILY+* OTHER?");
        q.put("abusedOnTheWay", "YES* NO");
        q.put("documentsTaken", "YES NO");
        q.put("destinationIsThisCountry", "YES NO");
        q.put("finalDestination", "COUNTRY");
        q.put("wishesToReturn", "YES NO");
        q.put("problemsOnReturn", "YES NO");
        q.put("fearsOnReturn", "DETENTION* PROSECUTION PHYSICAL_VIOLENCE*+ SEXUAL_OR_GENDER_BASED_VIOLENCE*+ REPRISAL+"
                + " PERSECUTION* DISCRIMINATION* OTHER?");
        return q;
    }

    @Test
    void annex1FileIsTheWholeAnnexWithItsMarks() {
        Questionnaire annex1 = QuestionnaireFileLoader.annex1();
        assertEquals("annex1", annex1.id());
        assertEquals(1, annex1.version());
        Map<String, String> inFile = new LinkedHashMap<>();
        for (Question question : annex1.questions()) {
            if (!question.kind().isCoded()) {
                inFile.put(question.id(), question.kind().name());
                continue;
            }
            List<String> options = new ArrayList<>();
            for (AnswerOption option : question.options()) {
                StringBuilder text = new StringBuilder(option.code());
                // Written in the Annex's own order of the marks: "*+" except for "sold by someone+*".
                List<Mark> order = option.code().equals("INVOLUNTARILY") ? List.of(Mark.CROSS, Mark.ASTERISK)
                        : List.of(Mark.ASTERISK, Mark.CROSS);
                order.stream().filter(option.marks()::contains).forEach(m -> text.append(m.symbol()));
                if (option.specify()) {
                    text.append('?');
                }
                options.add(text.toString());
            }
            inFile.put(question.id(), String.join(" ", options));
        }
        assertEquals(ANNEX1, inFile);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14),
                annex1.questions().stream().map(Question::number).toList());
        assertEquals(46, annex1.answerCodes().size(), "answer options of Annex 1: 7 yes-no questions, 19 + 5 + 8 choices");
    }

    @Test
    void everyTextIsInEnglishAndRussian() {
        Questionnaire annex1 = QuestionnaireFileLoader.annex1();
        assertEquals(Set.of("en", "ru"), annex1.languages());
        Question reasons = annex1.question("reasonsForLeaving").orElseThrow();
        assertEquals("Why did you leave your country of origin?", reasons.text().in("en").orElseThrow());
        assertEquals("Почему вы покинули страну происхождения?", reasons.text().in("ru").orElseThrow());
        assertEquals("Преследование", reasons.option("PERSECUTION").orElseThrow().label().in("ru").orElseThrow());
        assertTrue(annex1.legend().get(Mark.ASTERISK).in("en").orElseThrow()
                .startsWith("Indicates that the person could be a refugee"));
        assertEquals(4, annex1.question("transit").orElseThrow().columns().size());
        assertEquals(AnswerKind.JOURNEY, annex1.question("transit").orElseThrow().kind());
    }

    @Test
    void onlyTheAnswersThatStateViolenceIndicateASpecificNeed() {
        Questionnaire annex1 = QuestionnaireFileLoader.annex1();
        List<String> indicating = new ArrayList<>();
        annex1.answerCodes().forEach(code -> {
            Set<Indicator> indicates = annex1.option(code).orElseThrow().indicates();
            if (!indicates.isEmpty()) {
                indicating.add(code + "->" + indicates);
            }
        });
        assertEquals(List.of("reasonsForLeaving.DOMESTIC_VIOLENCE->[VICTIM_OF_VIOLENCE_OR_TORTURE]",
                "abusedOnTheWay.YES->[VICTIM_OF_VIOLENCE_OR_TORTURE]"), indicating);
    }

    @Test
    void theFileIsLoadedOnce() {
        assertSame(QuestionnaireFileLoader.annex1(), QuestionnaireFileLoader.annex1());
    }

    /** Each invalid file is rejected with exactly the errors of its golden {@code .errors} file, in order. */
    @TestFactory
    Stream<DynamicTest> invalidFilesReportEveryErrorWithItsLine() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(INVALID)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "invalid questionnaires: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            PolicyConfigException e = assertThrows(PolicyConfigException.class,
                    () -> QuestionnaireFileLoader.load(file.getFileName().toString(), Files.readString(file)));
            String actual = String.join("\n", e.errors().stream().map(ConfigError::toString).toList());
            Path golden = Path.of(file.toString().replace(".yaml", ".errors"));
            assertTrue(Files.exists(golden), "no golden file " + golden + "; the errors are:\n" + actual);
            List<String> expected = Files.readAllLines(golden);
            assertEquals(String.join("\n", expected), actual, "errors of " + file.getFileName());
            assertTrue(e.getMessage().startsWith(expected.size() + " error(s) in screening questionnaire:"));
        }));
    }

    /** Found by fuzzing: lists given as maps were walked as lists and crashed the semantic checks. */
    @Test
    void questionsOrOptionsGivenAsAMapAreErrorsNotACrash() {
        String header = "id: annex1\nversion: 1\ntitle: { en: T, ru: T }\nlegend: { \"*\": { en: a, ru: a }, \"+\": { en: b, ru: b } }\n";
        PolicyConfigException questions = assertThrows(PolicyConfigException.class,
                () -> QuestionnaireFileLoader.load("map.yaml", header + "questions: { first: { id: x } }\n"));
        assertEquals(List.of("map.yaml:5:1: /questions: object found, array expected [schema type]"),
                questions.errors().stream().map(ConfigError::toString).toList());
        PolicyConfigException options = assertThrows(PolicyConfigException.class, () -> QuestionnaireFileLoader.load(
                "map.yaml", header + "questions:\n  - { id: x, number: 1, answer: YES_NO, text: { en: Q, ru: Q },"
                        + " options: { first: { code: \"YES\" } } }\n"));
        assertTrue(options.errors().stream().allMatch(e -> e.message().contains("[schema ")), options.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        PolicyConfigException e = assertThrows(PolicyConfigException.class,
                () -> QuestionnaireFileLoader.load("empty.yaml", ""));
        assertEquals(1, e.errors().size());
        assertEquals("empty.yaml", e.errors().get(0).file());
    }
}
