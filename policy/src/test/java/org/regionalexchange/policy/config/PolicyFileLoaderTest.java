package org.regionalexchange.policy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.regionalexchange.policy.TestPolicies;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Urgency;

class PolicyFileLoaderTest {
    private static final Path INVALID = Path.of("src", "test", "resources", "invalid-policies");

    @Test
    void regionDefaultLoadsWithTheDocumentedValues() {
        PolicyConfig config = TestPolicies.regionDefault();
        assertEquals("region-policy.yaml", config.source());
        assertEquals(ZoneOffset.UTC.normalized(), config.timeZone().normalized());
        assertEquals(Duration.ofMinutes(2), config.clockSkew());
        assertEquals(EnumSet.allOf(Purpose.class), EnumSet.copyOf(config.purposes().keySet()));
        PurposePolicy rsd = config.enabled(Purpose.RSD_CASE_PROCESSING).orElseThrow();
        assertEquals(EnumSet.of(Category.IDENTITY, Category.CASE_STATUS, Category.CLAIM, Category.FAMILY), rsd.categories());
        assertEquals(Period.ofDays(30), rsd.retention());
        assertEquals(List.of("phone"), config.enabled(Purpose.FAMILY_TRACING).orElseThrow().redactionsFor(Category.CONTACT));
        assertEquals(60, config.justification().minimumLength());
        assertEquals(6, config.justification().minimumOwnWords());
        assertEquals(Duration.ofDays(30), config.justification().reuseWindow());
        assertTrue(config.justification().boilerplatePhrases().contains("for official purposes"));
        assertEquals(2, config.reviewTriggers().size());
        assertEquals(EnumSet.of(Urgency.URGENT), config.reviewTriggers().get(1).urgencies());
    }

    @Test
    void defaultsApplyToOptionalKeysAndDaysAreNumbers() {
        PolicyConfig config = TestPolicies.named("narrow.yaml");
        assertEquals("UTC", config.timeZone().getId());
        assertEquals(Duration.ofMinutes(2), config.clockSkew());
        assertEquals(6, config.justification().minimumOwnWords());
        assertEquals(Duration.ofDays(30), config.justification().reuseWindow());
        assertEquals(Period.ofDays(30), config.purposes().get(Purpose.RSD_CASE_PROCESSING).retention());
        assertTrue(config.enabled(Purpose.DOCUMENT_VERIFICATION).isEmpty(), "listed but disabled");
        assertTrue(config.enabled(Purpose.FAMILY_TRACING).isEmpty(), "not listed");
    }

    /** Each invalid file is rejected with exactly the errors of its golden {@code .errors} file, in order. */
    @TestFactory
    Stream<DynamicTest> invalidFilesReportEveryErrorWithItsLine() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(INVALID)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "invalid policy files: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> PolicyFileLoader.load(file));
            Path golden = Path.of(file.toString().replace(".yaml", ".errors"));
            List<String> expected = Files.readAllLines(golden);
            assertEquals(String.join("\n", expected),
                    String.join("\n", e.errors().stream().map(ConfigError::toString).toList()),
                    "errors of " + file.getFileName());
            assertTrue(e.getMessage().startsWith(expected.size() + " error(s) in policy file:"));
        }));
    }

    /**
     * Found by fuzzing the questionnaire loader, which shares the YAML reading: a number YAML spells but Java
     * cannot read ({@code .inf}) escaped the loader as a parser exception instead of a reported error.
     */
    @Test
    void unreadableNumberIsAnErrorNotACrash() {
        PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> PolicyFileLoader.load("inf.yaml", ".inf"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).toString().matches("inf\\.yaml:1:\\d+: YAML syntax error: Malformed numeric value .*"),
                e.errors().get(0).toString());
        PolicyConfigException nested = assertThrows(PolicyConfigException.class,
                () -> PolicyFileLoader.load("inf.yaml", "version: 1\nclockSkew: .inf\n"));
        assertTrue(nested.errors().get(0).message().startsWith("YAML syntax error: Malformed numeric value"),
                nested.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> PolicyFileLoader.load("empty.yaml", ""));
        assertEquals("empty.yaml:1:1: the file is empty; expected a policy document", e.errors().get(0).toString());
    }

    @Test
    void twoDocumentsAreAnError() {
        String text = TestPolicies.resource("policies/narrow.yaml") + "---\nversion: 1\n";
        PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> PolicyFileLoader.load("two.yaml", text));
        assertTrue(e.errors().get(0).message().startsWith("more than one YAML document"), e.getMessage());
    }
}
