package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.policy.ReasonCode;

/**
 * Every text of the console is in both bundles, and no template writes a word of its own: a
 * language is added by adding a bundle, never by editing a template.
 */
class ConsoleMessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/console");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");

    @Test
    void everyKeyHasItsTranslation() throws IOException {
        Properties english = load("messages.properties");
        Properties russian = load("messages_ru.properties");
        assertThat(new TreeSet<>(russian.stringPropertyNames()))
                .as("keys of messages_ru.properties").isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (Properties bundle : List.of(english, russian)) {
            bundle.forEach((key, value) -> assertThat(value.toString()).as("value of %s", key).isNotBlank());
        }
    }

    @Test
    void everyErrorCodeAndReasonHasAMessage() throws IOException {
        Properties english = load("messages.properties");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(english).as("error.%s", code.code()).containsKey("error." + code.code());
        }
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(english).as("reason.%s", reason.code()).containsKey("reason." + reason.code());
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");
        for (Path template : templates()) {
            String text = Files.readString(template);
            Matcher matcher = literalKey.matcher(text);
            while (matcher.find()) {
                assertThat(english).as("key %s of %s", matcher.group(1), template).containsKey(matcher.group(1));
            }
            for (String key : listedKeys(text)) {
                assertThat(english).as("listed key %s of %s", key, template).containsKey(key);
            }
        }
    }

    @Test
    void keysListedForAFragmentAreFound() {
        assertThat(listedKeys("<div th:replace=\"~{console/lists :: table(null, #{c(${n})},\n ${ {'record.name', 'record.updatedAt'} }, ~{::tbody})}\">"))
                .containsExactly("record.name", "record.updatedAt");
        assertThat(listedKeys("<p th:text=\"${x}\"></p><p th:each=\"f : ${ {'address'} }\"></p>")).isEmpty();
    }

    /**
     * The message keys a template passes to {@code console/lists :: table} as its column headers, an
     * inline list of strings ({@code ${ {'a.b', 'c.d'} }}).
     */
    static List<String> listedKeys(String template) {
        List<String> keys = new ArrayList<>();
        Matcher list = Pattern.compile("lists :: table\\((?s:.*?)\\$\\{\\s*\\{([^}]*)\\}\\s*\\}").matcher(template);
        while (list.find()) {
            Matcher quoted = Pattern.compile("'([a-zA-Z][a-zA-Z0-9.]*)'").matcher(list.group(1));
            while (quoted.find()) {
                keys.add(quoted.group(1));
            }
        }
        return keys;
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            found.addAll(literalTexts(Files.readString(template)).stream().map(text -> template + ": " + text).toList());
        }
        assertThat(found).as("text outside th:text/#{...}").isEmpty();
    }

    @Test
    void theLiteralTextRuleFindsPlantedText() {
        assertThat(literalTexts("<p>Hello</p>")).containsExactly("Hello");
        assertThat(literalTexts("<p th:text=\"#{x}\"></p><input placeholder=\"Name\">")).containsExactly("placeholder=\"Name\"");
        assertThat(literalTexts("<p>Привет</p>")).containsExactly("Привет");
        assertThat(literalTexts("<!-- a comment --><p th:text=\"#{x}\"></p> · ")).isEmpty();
    }

    /** Words between tags, and words in attributes a person reads, outside th: attributes. */
    static List<String> literalTexts(String template) {
        String withoutComments = template.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<!DOCTYPE[^>]*>", "");
        List<String> found = new ArrayList<>();
        Matcher text = Pattern.compile(">([^<]*)<").matcher(withoutComments);
        while (text.find()) {
            String between = text.group(1).strip();
            if (Pattern.compile("\\p{L}").matcher(between).find()) {
                found.add(between);
            }
        }
        Matcher attribute = Pattern.compile("(?<![:\\w-])(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"")
                .matcher(withoutComments);
        while (attribute.find()) {
            boolean code = attribute.group(1).equals("value") && attribute.group(2).matches("[A-Z_]*");
            if (!code && Pattern.compile("\\p{L}").matcher(attribute.group(2)).find()) {
                found.add(attribute.group(0));
            }
        }
        return found;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static Set<String> keys() throws IOException {
        return load("messages.properties").stringPropertyNames();
    }
}
