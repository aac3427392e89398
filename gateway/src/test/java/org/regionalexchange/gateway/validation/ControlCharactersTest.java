package org.regionalexchange.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.error.FieldError;

/** What counts as text: each case is a string; result: accepted, or the character named. */
class ControlCharactersTest {

    @Test
    @DisplayName("free text keeps tab, line feed, carriage return and characters beyond the BMP; names keep none of the three")
    void ordinaryTextPasses() {
        String text = "Line one\r\nline two\tТошкент 😀 Ңң";
        assertEquals(Optional.empty(), ControlCharacters.inText(text));
        assertEquals(Optional.of("the control character U+000D"), ControlCharacters.inName(text));
        assertEquals(Optional.empty(), ControlCharacters.inName("officer.1@kz-migration"));
    }

    @Test
    @DisplayName("NUL, BEL, ESC, DEL, a C1 control and a lone surrogate are each named")
    void controlCharactersAreNamed() {
        assertEquals(Optional.of("the control character U+0000"), ControlCharacters.inText("a\u0000b"));
        assertEquals(Optional.of("the control character U+0007"), ControlCharacters.inText("\u0007"));
        assertEquals(Optional.of("the control character U+001B"), ControlCharacters.inText("x\u001b[31m"));
        assertEquals(Optional.of("the control character U+007F"), ControlCharacters.inText("\u007f"));
        assertEquals(Optional.of("the control character U+0085"), ControlCharacters.inText("next\u0085line"));
        assertEquals(Optional.of("a lone surrogate U+D800"), ControlCharacters.inText("a\ud800b"));
        assertEquals(Optional.of("a lone surrogate U+DE00"), ControlCharacters.inText("\ude00"));
    }

    @Test
    @DisplayName("a document with control characters in a value, in an array and in a key; result: one error per place, at its field")
    void documentFieldsAreNamed() {
        var document = JsonText.parse("""
                { "identity": { "familyName": "Nul\\u0000ova", "givenNames": "Lola" },
                  "family": [ { "familyName": "ok" }, { "familyName": "\\u001b" } ],
                  "x\\u0000": 1, "note": "two\\nlines" }""");
        List<FieldError> errors = new ArrayList<>();
        ControlCharacters.check(document, errors);
        assertEquals(List.of("identity.familyName", "family[1].familyName", "x\\u0000"),
                errors.stream().map(FieldError::field).toList());
    }
}
