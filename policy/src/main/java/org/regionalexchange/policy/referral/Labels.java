package org.regionalexchange.policy.referral;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.regionalexchange.policy.model.Require;

/**
 * One text of the questionnaire in each of its languages, e.g. {@code {en: "Persecution", ru: "Преследование"}}.
 *
 * @param byLanguage ISO 639-1 language code (lower case) to text; at least one
 */
public record Labels(Map<String, String> byLanguage) {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public Labels {
        Require.present(byLanguage, "labels");
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("Empty labels; expected a text in at least one language");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        byLanguage.forEach((language, text) -> {
            Require.present(language, "label language");
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("Invalid label language '" + language
                        + "'; expected an ISO 639-1 code in lower case, e.g. en, ru");
            }
            copy.put(language, Require.nonBlank(text, "label in '" + language + "'", 500));
        });
        byLanguage = Collections.unmodifiableMap(copy);
    }

    public static Labels of(String en, String ru) {
        return new Labels(Map.of("en", en, "ru", ru));
    }

    /** The text in that language, if the questionnaire has it. */
    public Optional<String> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }
}
