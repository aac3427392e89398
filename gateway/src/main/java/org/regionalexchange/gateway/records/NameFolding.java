package org.regionalexchange.gateway.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Folds a personal name to a matching key, identically for stored and queried names, so that the
 * common spellings of one name meet: Рахими / Rahimi, Ахмад / Ahmad / Akhmad, Ёкубов / Yokubov /
 * Iokubov / Ekubov, Muhammad / Mohammad / Mukhammad / Мухаммад.
 *
 * <ol>
 * <li>Cyrillic letters (Russian, Tajik, Kazakh, Kyrgyz, Uzbek) are romanized by the table below,
 *     which follows the passport practice of the region (х → kh, ё → yo, ҷ → j), not ICU's scholarly
 *     ISO 9 (х → h, ё → ë).</li>
 * <li>Everything else goes through ICU {@code Any-Latin; Latin-ASCII} (Arabic script, Latin with
 *     diacritics), then lower case; anything not a letter a-z separates words, except hyphens and
 *     apostrophes, which join ({@code Abdul-Rahim} = {@code Abdulrahim}).</li>
 * <li>Spelling variants are folded: dzh/dj/dz → j, zh → z, kh/x → h, gh → g, ch → c, sh → s, ts → c,
 *     ph → f, q → k, w → v; yo/io/ye → e, yu/iu → u, ya/ia → a; o → u, y → i; doubled letters once.</li>
 * </ol>
 * Names in Arabic script lose their short vowels in transliteration and rarely meet a Latin
 * spelling: registrars record the Latin spelling too ({@code latinFamilyName}), which is also
 * matched. Wildcards mean nothing here: {@code *} and {@code %} are separators like any other sign.
 */
final class NameFolding {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private static final Map<Character, String> CYRILLIC = cyrillic();

    /** Applied in this order; earlier rules see the longer spellings first. */
    private static final String[][] FOLDS = {
            {"dzh", "j"}, {"dj", "j"}, {"dz", "j"}, {"zh", "z"}, {"kh", "h"}, {"x", "h"}, {"gh", "g"},
            {"ch", "c"}, {"sh", "s"}, {"ts", "c"}, {"ph", "f"}, {"q", "k"}, {"w", "v"},
            {"yo", "e"}, {"io", "e"}, {"ye", "e"}, {"yu", "u"}, {"iu", "u"}, {"ya", "a"}, {"ia", "a"},
            {"o", "u"}, {"y", "i"},
    };

    private NameFolding() {
    }

    /** The width of the {@code *_key} columns of {@code subject_record}. */
    static final int MAX_KEY_LENGTH = 200;

    /**
     * The key of a whole name: its folded words joined by one space, at most {@link #MAX_KEY_LENGTH}
     * characters; empty if it has no letters. Romanization can make a name longer than it was
     * ({@code ң} is {@code ng}); a longer key is cut, for stored and queried names alike.
     */
    static String key(String name) {
        String key = String.join(" ", words(name));
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH).strip() : key;
    }

    /** The folded words of {@code name}. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        StringBuilder romanized = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = CYRILLIC.get(c);
            romanized.append(latin != null ? latin : String.valueOf(c));
        }
        String ascii = TO_ASCII.transliterate(romanized.toString()).toLowerCase(Locale.ROOT)
                .replaceAll("['`\u2019\u02bc\u02bb-]", "")
                .replaceAll("[^a-z]+", " ")
                .trim();
        if (ascii.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : ascii.split(" ")) {
            words.add(fold(word));
        }
        return words;
    }

    /**
     * The name in Latin letters, for people to read: Cyrillic by the same passport-practice table as
     * the matching key (х → kh, ё → yo, ҷ → j), everything else by ICU {@code Any-Latin; Latin-ASCII};
     * case kept where the script has it, each word begun with a capital letter, anything but letters,
     * apostrophes and hyphens taken for a space, spaces collapsed.
     * Its {@link #key} is the key of the name as written, so the shown spelling finds the record.
     * Empty for a name without letters.
     */
    static String latin(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder romanized = new StringBuilder();
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            String latin = CYRILLIC.get(Character.toLowerCase(c));
            boolean capitalsOnly = i + 1 < chars.length && Character.isUpperCase(chars[i + 1]);
            if (latin == null) {
                romanized.append(c);
            } else if (Character.isUpperCase(c) && capitalsOnly) {
                romanized.append(latin.toUpperCase(Locale.ROOT));
            } else if (Character.isUpperCase(c) && !latin.isEmpty()) {
                romanized.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
            } else {
                romanized.append(latin);
            }
        }
        // Only what a name is made of: letters, apostrophes, hyphens; anything else separates words.
        String ascii = TO_ASCII.transliterate(romanized.toString()).replaceAll("[^\\p{L}'\u2019 -]+", " ").strip()
                .replaceAll("\\s+", " ");
        StringBuilder shown = new StringBuilder(ascii.length());
        boolean wordStart = true;
        for (char c : ascii.toCharArray()) {
            shown.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = c == ' ' || c == '-';
        }
        return Pattern.compile("\\p{L}").matcher(shown).find() ? shown.toString() : "";
    }

    static String fold(String word) {
        String folded = word;
        for (String[] rule : FOLDS) {
            folded = folded.replace(rule[0], rule[1]);
        }
        StringBuilder single = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if (single.isEmpty() || single.charAt(single.length() - 1) != c) {
                single.append(c);
            }
        }
        return single.toString();
    }

    /**
     * True if the given names of a query fit those of a record: every query word is one of the
     * record's words, or both run together are the same ({@code Abdul Rahim} / {@code Abdulrahim}).
     */
    static boolean givenNamesFit(String queryKey, String recordKey) {
        if (queryKey == null || recordKey == null || queryKey.isEmpty() || recordKey.isEmpty()) {
            return false;
        }
        if (queryKey.replace(" ", "").equals(recordKey.replace(" ", ""))) {
            return true;
        }
        List<String> recordWords = Arrays.asList(recordKey.split(" "));
        return Arrays.stream(queryKey.split(" ")).allMatch(recordWords::contains);
    }

    private static Map<Character, String> cyrillic() {
        String[][] table = {
                {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "yo"}, {"ж", "zh"},
                {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
                {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
                {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
                {"я", "ya"},
                // Tajik
                {"ғ", "gh"}, {"ӣ", "i"}, {"қ", "q"}, {"ӯ", "u"}, {"ҳ", "h"}, {"ҷ", "j"},
                // Kazakh, Kyrgyz, Uzbek Cyrillic
                {"ә", "a"}, {"і", "i"}, {"ң", "ng"}, {"ө", "o"}, {"ұ", "u"}, {"ү", "u"}, {"һ", "h"}, {"ў", "u"},
        };
        Map<Character, String> map = new java.util.HashMap<>();
        for (String[] entry : table) {
            map.put(entry[0].charAt(0), entry[1]);
        }
        return Map.copyOf(map);
    }
}
