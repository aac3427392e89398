package org.regionalexchange.policy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.JudgedRecord;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.ReviewVerdict;
import org.regionalexchange.policy.TestPolicies;
import org.regionalexchange.policy.VerdictStatus;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.SubjectRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every case file of {@code src/test/resources/cases}: validates it against {@code policy-case.json},
 * builds the input over the base fixture, runs the entry point it names and compares the whole decision.
 */
class PolicyCaseTest {
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{3})-[a-z0-9]+(-[a-z0-9]+)*\\.yaml");
    private static final String SCHEMA_HEADER = "$schema: ../../../../../schemas/src/main/resources/schemas/v1/policy-case.json";

    static List<Path> caseFiles() {
        try (Stream<Path> files = Files.list(CaseDocuments.CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFile() {
        return caseFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @Test
    void caseFilesAreNamedNumberedAndDescribed() throws IOException {
        List<Path> files = caseFiles();
        assertTrue(files.size() >= 60, "expected at least 60 case files, found " + files.size());
        Set<String> numbers = new TreeSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            var m = FILE_NAME.matcher(name);
            assertTrue(m.matches(), name + " is not named NNN-what-happens.yaml");
            assertTrue(numbers.add(m.group(1)), "number " + m.group(1) + " is used twice (" + name + ")");
            List<String> lines = Files.readAllLines(file);
            assertEquals(SCHEMA_HEADER, lines.get(0), name + ": first line must be the $schema header");
            assertTrue(lines.get(1).startsWith("description: "), name + ": second line must be the description");
        }
    }

    /** Every reason code, visible or internal, is shown happening by at least one case. */
    @Test
    void everyReasonCodeAppearsInSomeCase() {
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (Path file : caseFiles()) {
            JsonNode expect = CaseDocuments.read(file).get("expect");
            expect.path("reasons").forEach(c -> seen.add(ReasonCode.fromCode(c.asString())));
            expect.path("withheld").forEach(c -> seen.add(ReasonCode.fromCode(c.asString())));
            if (expect.has("internalReason")) {
                seen.add(ReasonCode.fromCode(expect.get("internalReason").asString()));
            }
            expect.path("internalDetails").forEach(d -> seen.add(ReasonCode.fromCode(d.get("code").asString())));
        }
        EnumSet<ReasonCode> missing = EnumSet.complementOf(seen);
        assertTrue(missing.isEmpty(), "reason codes no case shows: " + missing);
    }

    private static void run(Path file) {
        JsonNode raw = CaseDocuments.read(file);
        assertNoSchemaErrors("case file", CaseDocuments.schemaErrors(raw));
        ObjectNode merged = CaseDocuments.merged(raw);
        assertNoSchemaErrors("case merged over base.yaml", CaseDocuments.schemaErrors(merged));
        CaseWorld world = new CaseWorld(merged);
        PolicyEngine engine = PolicyEngine.of(TestPolicies.named(merged.get("policy").asString()));
        Instant now = world.now();
        String entryPoint = merged.get("entryPoint").asString();
        Optional<Decision> decision = switch (entryPoint) {
            case "CHECK_BEFORE_SENDING" -> engine.checkBeforeSending(world.request(), world.history(), now);
            case "SCREEN" -> engine.screen(world.incoming(), now);
            case "DECIDE" -> Optional.of(engine.decide(world.incoming(), world.records(merged.get("candidates")), now));
            case "REVIEW" -> Optional.of(review(engine, world, merged, now));
            case "COLLECT" -> Optional.of(collect(engine, world, merged, now));
            default -> throw new IllegalArgumentException("Unknown entry point " + entryPoint);
        };
        // Determinism: the same input gives the same decision.
        if (entryPoint.equals("DECIDE")) {
            assertEquals(decision.get(), engine.decide(world.incoming(), world.records(merged.get("candidates")), now),
                    "decide is not deterministic");
            // The holder's path: screened once, then continued from the screening.
            PolicyEngine.Screening screening = engine.screening(world.incoming(), now);
            assertEquals(decision.get(), engine.decide(screening, world.records(merged.get("candidates"))),
                    "decide continued from the screening differs from decide");
            assertEquals(engine.screen(world.incoming(), now), screening.decision(), "screening differs from screen");
        }
        assertEquals(ExpectedDecision.fromCase(raw.get("expect")), ExpectedDecision.fromDecision(decision),
                "decision of " + file.getFileName() + " (" + raw.get("description").asString() + ")");
    }

    private static Decision review(PolicyEngine engine, CaseWorld world, ObjectNode merged, Instant now) {
        IncomingRequest incoming = world.incoming();
        List<SubjectRecord> candidates = world.records(merged.get("candidates"));
        Decision pending = engine.decide(incoming, candidates, now);
        assertEquals(Outcome.PENDING_REVIEW, pending.outcome(), "a REVIEW case must start PENDING_REVIEW: " + pending);
        JsonNode review = merged.get("review");
        ReviewVerdict verdict = ReviewVerdict.valueOf(review.get("verdict").asString());
        if (!review.has("at")) {
            Decision result = engine.applyReview(pending, verdict);
            // Approval releases exactly what awaited review; everything withheld stays withheld.
            assertEquals(verdict == ReviewVerdict.APPROVE ? pending.categories(VerdictStatus.AWAITING_REVIEW) : List.of(),
                    result.categories(VerdictStatus.RELEASED));
            pending.verdicts().values().stream().filter(v -> v.status() == VerdictStatus.WITHHELD)
                    .forEach(v -> assertEquals(v, result.verdicts().get(v.category())));
            return result;
        }
        List<SubjectRecord> atReview = review.has("candidates") ? world.records(review.get("candidates")) : candidates;
        return engine.decideAfterReview(incoming, atReview, judged(review), verdict,
                Instant.parse(review.get("at").asString()));
    }

    /** A reviewed answer collected later: decided again then, never releasing more than the review did. */
    private static Decision collect(PolicyEngine engine, CaseWorld world, ObjectNode merged, Instant now) {
        Decision reviewed = review(engine, world, merged, now);
        assertTrue(merged.get("review").has("at"), "a COLLECT case decides the review again ('review.at')");
        JsonNode collection = merged.get("collection");
        List<SubjectRecord> atCollection = collection.has("candidates") ? world.records(collection.get("candidates"))
                : merged.get("review").has("candidates") ? world.records(merged.get("review").get("candidates"))
                : world.records(merged.get("candidates"));
        Decision collected = engine.decideAtCollection(world.incoming(), atCollection, judged(collection),
                Set.copyOf(reviewed.categories(VerdictStatus.RELEASED)),
                Instant.parse(collection.get("at").asString()));
        // Collection never releases a category the review did not.
        assertTrue(reviewed.categories(VerdictStatus.RELEASED).containsAll(collected.categories(VerdictStatus.RELEASED)),
                "collection released more than the review: " + collected);
        return collected;
    }

    private static JudgedRecord judged(JsonNode step) {
        return step.path("judgedRecordChanged").asBoolean(false) ? JudgedRecord.CHANGED : JudgedRecord.UNCHANGED;
    }

    private static void assertNoSchemaErrors(String what, List<Error> errors) {
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
            fail(what + " does not match policy-case.json:\n" + String.join("\n", messages));
        }
    }
}
