package org.regionalexchange.policy.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Urgency;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy file (YAML), validates it against {@code schemas/v1/policy-config.json} and the semantic
 * rules, and builds the {@link PolicyConfig}. Every error is reported at once, sorted, each with file, line
 * and column (one report of every error, so a deployment is fixed in one pass).
 */
public final class PolicyFileLoader {
    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);
    static final int DEFAULT_MINIMUM_OWN_WORDS = 6;

    private PolicyFileLoader() {
    }

    /** Loads the file; the error messages use its file name. */
    public static PolicyConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy file " + file, e);
        }
        return load(file.getFileName().toString(), text);
    }

    /**
     * Parses and validates the text.
     *
     * @param fileName the name used in error messages
     * @throws PolicyConfigException with every error found
     */
    public static PolicyConfig load(String fileName, String yaml) {
        List<ConfigError> errors = new ArrayList<>();
        YamlDocument document = YamlDocument.parse(fileName, yaml, errors);
        if (document != null) {
            PolicySchema.validate(document, errors);
            PolicySemantics.check(document, errors);
        }
        if (!errors.isEmpty()) {
            Collections.sort(errors);
            throw new PolicyConfigException(errors);
        }
        try {
            return build(fileName, document.root());
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; report it in the same form rather than crash.
            throw new PolicyConfigException(List.of(new ConfigError(fileName, 1, 1, e.getMessage())));
        }
    }

    private static PolicyConfig build(String fileName, JsonNode root) {
        ZoneId zone = root.has("timeZone") ? ZoneId.of(root.get("timeZone").asString()) : DEFAULT_TIME_ZONE;
        Duration skew = root.has("clockSkew") ? Duration.parse(root.get("clockSkew").asString()) : DEFAULT_CLOCK_SKEW;
        EnumMap<Purpose, PurposePolicy> purposes = new EnumMap<>(Purpose.class);
        for (Map.Entry<String, JsonNode> entry : root.get("purposes").properties()) {
            Purpose purpose = Purpose.parse(entry.getKey());
            JsonNode node = entry.getValue();
            EnumMap<Category, List<String>> redactions = new EnumMap<>(Category.class);
            for (Map.Entry<String, JsonNode> redaction : node.path("redactions").properties()) {
                redactions.put(Category.parse(redaction.getKey()), strings(redaction.getValue()));
            }
            purposes.put(purpose, new PurposePolicy(purpose, node.get("enabled").asBoolean(),
                    enums(node.get("categories"), Category.class), retention(node.get("retention")), redactions));
        }
        JsonNode j = root.get("justification");
        JustificationPolicy justification = new JustificationPolicy(j.get("minimumLength").asInt(),
                j.path("minimumOwnWords").asInt(DEFAULT_MINIMUM_OWN_WORDS), window(j.get("reuseWindow")),
                strings(j.get("boilerplatePhrases")));
        List<ReviewTrigger> triggers = new ArrayList<>();
        for (JsonNode t : root.path("reviewTriggers")) {
            triggers.add(new ReviewTrigger(t.get("name").asString(), enums(t.path("purposes"), Purpose.class),
                    enums(t.path("categories"), Category.class), enums(t.path("urgencies"), Urgency.class)));
        }
        return new PolicyConfig(fileName, zone, skew, purposes, justification, triggers);
    }

    private static Period retention(JsonNode node) {
        return node.isNumber() ? Period.ofDays(node.asInt()) : Period.parse(node.asString());
    }

    private static Duration window(JsonNode node) {
        return node.isNumber() ? Duration.ofDays(node.asInt()) : Duration.parse(node.asString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(item.asString());
        }
        return values;
    }

    private static <E extends Enum<E>> EnumSet<E> enums(JsonNode array, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        for (JsonNode item : array) {
            values.add(Enum.valueOf(type, item.asString()));
        }
        return values;
    }
}
