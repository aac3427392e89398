package org.regionalexchange.policy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.Priority;
import org.regionalexchange.policy.referral.ReferralBasis;
import org.regionalexchange.policy.referral.ReferralDecision;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ReferralReasonCode;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.regionalexchange.policy.referral.ScreeningAnswers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every case file of {@code src/test/resources/referral-cases}: validates it against
 * {@code referral-case.json}, builds the input over the referral base fixture, runs the entry point it names
 * and compares the whole answer. The cases are numbered after the exchange's, in one sequence.
 */
class ReferralCaseTest {
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{3})-[a-z0-9]+(-[a-z0-9]+)*\\.yaml");
    private static final String SCHEMA_HEADER =
            "$schema: ../../../../../schemas/src/main/resources/schemas/v1/referral-case.json";
    private static final ReferralEngine ENGINE = ReferralCaseWorld.ENGINE;

    static List<Path> caseFiles() {
        try (Stream<Path> files = Files.list(ReferralCaseWorld.CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReferralCaseFile() {
        return caseFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @Test
    void caseFilesAreNamedNumberedAfterTheExchangeCasesAndDescribed() throws IOException {
        List<Path> files = caseFiles();
        assertTrue(files.size() >= 40, "expected at least 40 referral case files, found " + files.size());
        int lastExchangeCase = PolicyCaseTest.caseFiles().stream().mapToInt(f -> number(f.getFileName().toString()))
                .max().orElseThrow();
        Set<Integer> numbers = new TreeSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int number = number(name);
            assertTrue(number > lastExchangeCase, name + " must be numbered after the exchange's case " + lastExchangeCase);
            assertTrue(numbers.add(number), "number " + number + " is used twice (" + name + ")");
            List<String> lines = Files.readAllLines(file);
            assertEquals(SCHEMA_HEADER, lines.get(0), name + ": first line must be the $schema header");
            assertTrue(lines.get(1).startsWith("description: "), name + ": second line must be the description");
        }
    }

    /** Every reason code, indicator, priority, suggested type and basis is shown happening by some case. */
    @Test
    void everyCodeIndicatorPriorityTypeAndBasisAppearsInSomeCase() {
        EnumSet<ReferralReasonCode> reasons = EnumSet.noneOf(ReferralReasonCode.class);
        EnumSet<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        EnumSet<Priority> screenPriorities = EnumSet.noneOf(Priority.class);
        EnumSet<Priority> referralPriorities = EnumSet.noneOf(Priority.class);
        EnumSet<ReferralType> suggested = EnumSet.noneOf(ReferralType.class);
        EnumSet<ReferralType> referred = EnumSet.noneOf(ReferralType.class);
        EnumSet<ReferralBasis> bases = EnumSet.noneOf(ReferralBasis.class);
        boolean problems = false;
        boolean gap = false;
        for (Path file : caseFiles()) {
            JsonNode raw = CaseDocuments.read(file);
            JsonNode expect = raw.get("expect");
            if (raw.get("entryPoint").asString().equals("SCREEN")) {
                expect.path("indicators").properties().forEach(e -> indicators.add(Indicator.parse(e.getKey())));
                if (expect.has("priority")) {
                    screenPriorities.add(Priority.valueOf(expect.get("priority").asString()));
                }
                expect.path("suggestions").forEach(s -> suggested.add(ReferralType.parse(s.asString().split(" ")[1])));
                problems |= expect.has("problems");
                gap |= expect.has("noAgencyFor");
            } else {
                reasons.addAll(ExpectedReferralAnswer.reasonCodes(expect));
                referralPriorities.add(Priority.valueOf(expect.get("priority").asString()));
                if (expect.has("basis")) {
                    bases.add(ReferralBasis.valueOf(expect.get("basis").asString()));
                    referred.add(ReferralType.parse(ReferralCaseWorld.merged(raw).get("referral").get("type").asString()));
                }
            }
        }
        assertEquals(EnumSet.allOf(ReferralReasonCode.class), reasons, "reason codes shown by a case");
        assertEquals(EnumSet.allOf(Indicator.class), indicators, "indicators shown by a case");
        assertEquals(EnumSet.allOf(Priority.class), screenPriorities, "priorities of screenings");
        assertEquals(EnumSet.allOf(Priority.class), referralPriorities, "priorities of referrals");
        assertEquals(EnumSet.allOf(ReferralType.class), suggested, "types suggested");
        assertEquals(EnumSet.allOf(ReferralType.class), referred, "types referred");
        assertEquals(EnumSet.allOf(ReferralBasis.class), bases, "bases of referrals");
        assertTrue(problems && gap, "a case with answers that do not fit, and one with a gap in the directory");
    }

    private static int number(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        assertTrue(m.matches(), fileName + " is not named NNN-what-happens.yaml");
        return Integer.parseInt(m.group(1));
    }

    private static void run(Path file) {
        JsonNode raw = CaseDocuments.read(file);
        assertNoSchemaErrors("case file", ReferralCaseWorld.schemaErrors(raw));
        ObjectNode merged = ReferralCaseWorld.merged(raw);
        assertNoSchemaErrors("case merged over referral-base.yaml", ReferralCaseWorld.schemaErrors(merged));
        ReferralCaseWorld world = new ReferralCaseWorld(merged);
        String description = raw.get("description").asString();
        if (raw.get("entryPoint").asString().equals("SCREEN")) {
            assertEquals(ExpectedReferralAnswer.Screen.fromCase(raw.get("expect")), screen(world),
                    "answer of " + file.getFileName() + " (" + description + ")");
        } else {
            ReferralDecision decision = ENGINE.decide(world.request(), world.now());
            assertEquals(decision, ENGINE.decide(world.request(), world.now()), "decide is not deterministic");
            assertEquals(ExpectedReferralAnswer.Refer.fromCase(raw.get("expect")), ExpectedReferralAnswer.Refer.of(decision),
                    "decision of " + file.getFileName() + " (" + description + ")");
        }
    }

    private static ExpectedReferralAnswer.Screen screen(ReferralCaseWorld world) {
        if (!world.fromRecord()) {
            ScreeningAnswers answers = world.answers();
            List<String> problems = ENGINE.problems(answers);
            if (!problems.isEmpty()) {
                // Answers that do not fit are never judged: no indicator is computed from them.
                assertThrows(IllegalArgumentException.class, () -> ENGINE.indicators(answers, world.interviewedAt()));
                return ExpectedReferralAnswer.Screen.problems(problems);
            }
            assertEquals(ENGINE.indicators(answers, world.interviewedAt()), world.person().indicators());
        }
        ReferredPerson person = world.person();
        return ExpectedReferralAnswer.Screen.of(person.indicators(), ENGINE.priority(person.indicators()),
                ENGINE.suggestedReferrals(person, world.directory()));
    }

    private static void assertNoSchemaErrors(String what, List<Error> errors) {
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
            fail(what + " does not match referral-case.json:\n" + String.join("\n", messages));
        }
    }
}
