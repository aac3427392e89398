package org.regionalexchange.policy.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.JustificationFingerprint;
import org.regionalexchange.policy.model.Purpose;
import tools.jackson.databind.JsonNode;

/**
 * Checks the schema cannot express. Each looks only at nodes of the expected type, so it runs safely on a file
 * the schema rejected and every error is reported in one pass.
 */
final class PolicySemantics {
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    static final Duration MAX_REUSE_WINDOW = Duration.ofDays(366);

    private PolicySemantics() {
    }

    static void check(YamlDocument document, List<ConfigError> errors) {
        JsonNode root = document.root();
        JsonNode zone = root.path("timeZone");
        if (zone.isString()) {
            try {
                ZoneId.of(zone.asString());
            } catch (DateTimeException e) {
                errors.add(document.error("/timeZone", "time zone '" + zone.asString()
                        + "' is unknown; expected an IANA zone id such as UTC or Asia/Almaty"));
            }
        }
        JsonNode skew = root.path("clockSkew");
        if (skew.isString()) {
            duration(skew.asString()).filter(d -> d.compareTo(MAX_CLOCK_SKEW) > 0).ifPresent(d ->
                    errors.add(document.error("/clockSkew", "clockSkew " + skew.asString()
                            + " is too large; expected at most PT10M")));
        }
        checkPurposes(document, errors);
        checkJustification(document, errors);
        checkTriggers(document, errors);
    }

    private static void checkPurposes(YamlDocument document, List<ConfigError> errors) {
        JsonNode purposes = document.root().path("purposes");
        if (!purposes.isObject()) {
            return;
        }
        boolean anyEnabled = false;
        for (Map.Entry<String, JsonNode> entry : purposes.properties()) {
            Optional<Purpose> purpose = purposeNamed(entry.getKey());
            JsonNode policy = entry.getValue();
            if (purpose.isEmpty() || !policy.isObject()) {
                continue;
            }
            String at = "/purposes/" + entry.getKey();
            anyEnabled |= policy.path("enabled").asBoolean(false);
            JsonNode retention = policy.path("retention");
            if (retention.isString()) {
                Optional<Period> period = period(retention.asString());
                if (period.isPresent() && (period.get().isZero() || period.get().isNegative())) {
                    errors.add(document.error(at + "/retention", "retention for '" + entry.getKey() + "' is '"
                            + retention.asString() + "'; expected a positive ISO-8601 period (P30D, P6M, P1Y) or a number of days"));
                }
            }
            TreeSet<Category> allowed = new TreeSet<>();
            JsonNode categories = policy.path("categories");
            for (int i = 0; i < categories.size(); i++) {
                Optional<Category> category = categoryNamed(categories.get(i).asString(""));
                if (category.isEmpty()) {
                    continue;
                }
                allowed.add(category.get());
                String categoryAt = at + "/categories/" + i;
                hardRuleConflict(purpose.get(), category.get())
                        .ifPresent(rule -> errors.add(document.error(categoryAt, rule)));
            }
            JsonNode redactions = policy.path("redactions");
            if (redactions.isObject()) {
                for (Map.Entry<String, JsonNode> redaction : redactions.properties()) {
                    Optional<Category> category = categoryNamed(redaction.getKey());
                    if (category.isEmpty()) {
                        continue;
                    }
                    String redactionAt = at + "/redactions/" + redaction.getKey();
                    if (!allowed.contains(category.get())) {
                        errors.add(document.error(redactionAt, "redactions for '" + redaction.getKey() + "' under '"
                                + entry.getKey() + "' name a category the purpose does not release; expected one of "
                                + allowed));
                    }
                    JsonNode fields = redaction.getValue();
                    for (int i = 0; i < fields.size(); i++) {
                        String field = fields.get(i).asString("");
                        if (!category.get().fields().contains(field)) {
                            errors.add(document.error(redactionAt + "/" + i, "unknown field '" + field + "' for "
                                    + category.get() + "; expected one of " + new TreeSet<>(category.get().fields())));
                        }
                    }
                }
            }
        }
        if (!anyEnabled && !purposes.isEmpty()) {
            errors.add(document.error("/purposes", "no purpose is enabled; expected at least one with enabled: true"));
        }
    }

    /** The hard rules a file might try to loosen; listing such a category is an error, not a silent no-op. */
    static Optional<String> hardRuleConflict(Purpose purpose, Category category) {
        if (category == Category.CONTACT && purpose.isSecurityOrExclusion()) {
            return Optional.of("CONTACT can never be released for " + purpose
                    + " (hard rule, docs/design.md section 4); remove it from categories");
        }
        if (category == Category.SPECIFIC_NEEDS && !purpose.isProtectionPurpose()) {
            return Optional.of("SPECIFIC_NEEDS can only be released for PROTECTION_REFERRAL, CHILD_PROTECTION or"
                    + " ANTI_TRAFFICKING, not " + purpose + " (hard rule); remove it from categories");
        }
        return Optional.empty();
    }

    private static void checkJustification(YamlDocument document, List<ConfigError> errors) {
        JsonNode justification = document.root().path("justification");
        JsonNode window = justification.path("reuseWindow");
        if (window.isString()) {
            duration(window.asString()).filter(d -> d.isZero() || d.compareTo(MAX_REUSE_WINDOW) > 0).ifPresent(d ->
                    errors.add(document.error("/justification/reuseWindow", "reuseWindow " + window.asString()
                            + " is out of range; expected more than zero and at most P366D")));
        }
        JsonNode phrases = justification.path("boilerplatePhrases");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            if (!phrases.get(i).isString()) {
                continue;
            }
            String phrase = phrases.get(i).asString();
            String normalized = JustificationFingerprint.normalize(phrase);
            String at = "/justification/boilerplatePhrases/" + i;
            if (normalized.isEmpty()) {
                errors.add(document.error(at, "boilerplate phrase '" + phrase
                        + "' has no letters or digits; expected words such as 'for official purposes'"));
            } else if (seen.putIfAbsent(normalized, i) != null) {
                errors.add(document.error(at, "boilerplate phrase '" + phrase + "' repeats item "
                        + seen.get(normalized) + " once normalized; expected each phrase once"));
            }
        }
    }

    private static void checkTriggers(YamlDocument document, List<ConfigError> errors) {
        JsonNode triggers = document.root().path("reviewTriggers");
        JsonNode purposes = document.root().path("purposes");
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            JsonNode trigger = triggers.get(i);
            String at = "/reviewTriggers/" + i;
            JsonNode name = trigger.path("name");
            if (name.isString() && names.putIfAbsent(name.asString(), i) != null) {
                errors.add(document.error(at + "/name", "review trigger name '" + name.asString()
                        + "' is already used by item " + names.get(name.asString()) + "; expected unique names"));
            }
            if (trigger.isObject() && !trigger.has("purposes") && !trigger.has("categories")
                    && !trigger.has("urgencies")) {
                errors.add(document.error(at, "review trigger '" + name.asString("")
                        + "' has no condition; expected at least one of purposes, categories, urgencies"));
            }
            JsonNode named = trigger.path("purposes");
            for (int j = 0; j < named.size(); j++) {
                String purpose = named.get(j).asString("");
                if (purposeNamed(purpose).isPresent() && !purposes.path(purpose).path("enabled").asBoolean(false)) {
                    errors.add(document.error(at + "/purposes/" + j, "review trigger '" + name.asString("")
                            + "' names purpose '" + purpose + "' which is not enabled; expected an enabled purpose"));
                }
            }
        }
    }

    static Optional<Duration> duration(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Period> period(String text) {
        try {
            return Optional.of(Period.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Purpose> purposeNamed(String name) {
        for (Purpose purpose : Purpose.values()) {
            if (purpose.name().equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    static Optional<Category> categoryNamed(String name) {
        for (Category category : Category.values()) {
            if (category.name().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
