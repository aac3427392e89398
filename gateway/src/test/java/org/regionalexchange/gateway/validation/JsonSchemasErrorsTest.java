package org.regionalexchange.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.error.FieldError;

/**
 * The exact errors (field and message, sorted) {@link JsonSchemas#validate} returns for invalid
 * documents, as a caller reads them in a {@code problem+json} answer: any change of what is
 * accepted, refused or said (a new version of the validator, a faster check of control characters)
 * shows here.
 */
class JsonSchemasErrorsTest {

    private static final JsonSchemas SCHEMAS = new JsonSchemas();

    private static final String HEADER = """
            "iss": "kg", "aud": "kz", "iat": 1780000000, "jti": "j-1",
            "requestId": "6f1c2d8e-3b4a-4c5d-9e6f-7a8b9c0d1e2f", "requesterAgency": "KG-SMS", "officer": "o@kg",
            """;
    private static final String REQUEST = """
            "request": { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "KZ-2026-000123" },
              "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-1",
              "justification": "Because.", "categories": ["IDENTITY", "CLAIM"], "urgency": "ROUTINE" }
            """;

    private static List<String> errors(String schema, String document) {
        return SCHEMAS.validate(schema, JsonText.parse(document)).stream()
                .map(e -> e.field() + " | " + e.message()).toList();
    }

    private static List<String> controlCharacters(String document) {
        List<FieldError> errors = new ArrayList<>();
        ControlCharacters.check(JsonText.parse(document), errors);
        return errors.stream().map(e -> e.field() + " | " + e.message()).toList();
    }

    @Test
    @DisplayName("a request envelope's payload as the requester sends it; result: no error")
    void validPayload() {
        assertEquals(List.of(), errors("exchange-request", "{" + HEADER + REQUEST + "}"));
    }

    @Test
    @DisplayName("a payload without jti; result: the missing property named")
    void missingRequired() {
        assertEquals(List.of("jti | required property 'jti' not found"),
                errors("exchange-request", "{" + HEADER.replace("\"jti\": \"j-1\",", "") + REQUEST + "}"));
    }

    @Test
    @DisplayName("wrong type, empty string, bad uuid, bad pattern and an extra property; result: one error each")
    void wrongTypesAndExtraProperty() {
        assertEquals(List.of(
                "extra | property 'extra' is not defined in the schema and the schema does not allow additional properties",
                "iat | string found, integer expected",
                "officer | must be at least 1 characters long",
                "requestId | does not match the uuid pattern must be a valid RFC 4122 UUID",
                "requesterAgency | does not match the regex pattern ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"),
                errors("exchange-request", """
                        { "iss": "kg", "aud": "kz", "iat": "soon", "jti": "j-1", "requestId": "not-a-uuid",
                          "requesterAgency": "kg-sms", "officer": "", "extra": 1, """ + REQUEST + "}"));
    }

    @Test
    @DisplayName("a subject with both a record reference and an identity, and a repeated category; result: oneOf and uniqueItems errors")
    void oneOfBothBranches() {
        assertEquals(List.of(
                "request.categories | must have only unique items in the array",
                "request.subject | must be valid to one and only one schema, but 0 are valid",
                "request.subject.holderRecordRef | property 'holderRecordRef' is not defined in the schema and the schema does not allow additional properties",
                "request.subject.identity | property 'identity' is not defined in the schema and the schema does not allow additional properties"),
                errors("exchange-request", "{" + HEADER + """
                        "request": { "holderAgency": "KZ-MIGRATION",
                          "subject": { "holderRecordRef": "KZ-1",
                                       "identity": { "familyName": "A", "givenNames": "B", "dateOfBirth": "1990" } },
                          "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-1",
                          "justification": "x", "categories": ["IDENTITY", "IDENTITY"] } }"""));
    }

    @Test
    @DisplayName("an identity with month 13 and no category; result: the errors of both oneOf branches and minItems")
    void oneOfNoBranch() {
        assertEquals(List.of(
                "request.categories | must have at least 1 items but found 0",
                "request.subject | must be valid to one and only one schema, but 0 are valid",
                "request.subject.holderRecordRef | required property 'holderRecordRef' not found",
                "request.subject.identity | property 'identity' is not defined in the schema and the schema does not allow additional properties",
                "request.subject.identity.dateOfBirth | does not match the regex pattern ^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"),
                errors("exchange-request", "{" + HEADER + """
                        "request": { "holderAgency": "KZ-MIGRATION",
                          "subject": { "identity": { "familyName": "A", "givenNames": "B", "dateOfBirth": "1990-13" } },
                          "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-1",
                          "justification": "x", "categories": [] } }"""));
    }

    @Test
    @DisplayName("control characters in a value, in a property name and a lone surrogate; result: each at its escaped field, with the schema's own errors")
    void controlCharactersInPayload() {
        assertEquals(List.of(
                "request.justification | contains the control character U+0000; text may hold no control character but tab, line feed and carriage return",
                "request.x\\u0007y | property 'x\\u0007y' is not defined in the schema and the schema does not allow additional properties",
                "request.x\\u0007y | the property name contains the control character U+0007",
                "request.x\\u0007y.\\u0000 | contains a lone surrogate U+D800; text may hold no control character but tab, line feed and carriage return",
                "request.x\\u0007y.\\u0000 | the property name contains the control character U+0000"),
                errors("exchange-request", "{" + HEADER + """
                        "request": { "holderAgency": "KZ-MIGRATION", "subject": { "holderRecordRef": "KZ-1" },
                          "purpose": "RSD_CASE_PROCESSING", "legalBasis": "AGREEMENT", "requesterCaseRef": "KG-SMS-1",
                          "justification": "Nul\\u0000 and \\u001b[31m", "categories": ["CLAIM"],
                          "x\\u0007y": { "\\u0000": "\\ud800" } } }"""));
    }

    @Test
    @DisplayName("an array instead of an object; result: the type error at $ and the control character at [1]")
    void arrayAtRoot() {
        assertEquals(List.of(
                "$ | array found, object expected",
                "[1] | contains the control character U+0000; text may hold no control character but tab, line feed and carriage return"),
                errors("exchange-request", "[1, \"a\\u0000\"]"));
    }

    @Test
    @DisplayName("a consent valid from 30 February; result: the date format error")
    void badDate() {
        assertEquals(List.of("validFrom | does not match the date pattern must be a valid RFC 3339 full-date"),
                errors("consent", """
                        { "recipients": [ { "country": "KG" } ], "purposes": ["RSD_CASE_PROCESSING"], "categories": ["CLAIM"],
                          "validFrom": "2026-02-30", "validUntil": "2027-02-01", "givenBy": "SUBJECT",
                          "informedInLanguage": "prs", "interpreterPresent": true, "evidenceRef": "scan-1" }"""));
    }

    @Test
    @DisplayName("control characters under empty property names, in nested arrays and in names; result: the fields as named before")
    void controlCharacterFields() {
        String text = "contains the control character U+000%d; text may hold no control character but tab, line feed and carriage return";
        assertEquals(List.of(
                "a | " + text.formatted(0),
                "$ | " + text.formatted(1),
                "b[0][0] | " + text.formatted(2),
                "b[1].c\\u0085 | the property name contains the control character U+0085",
                "\\u0085 | the property name contains the control character U+0085"),
                controlCharacters("""
                        { "": { "a": "\\u0000", "": { "": "\\u0001" } },
                          "b": [ ["\\u0002"], { "c\\u0085": "ok\\ttab" } ], "\\u0085": "x" }"""));
        assertEquals(List.of("$ | " + text.formatted(0)), controlCharacters("\"\\u0000\""));
        assertEquals(List.of("[0][0] | " + text.formatted(3)), controlCharacters("[[\"\\u0003\"]]"));
        assertEquals(List.of(), controlCharacters("{ \"ok\": \"Тошкент 😀 \\r\\n\", \"n\": 1, \"z\": null }"));
    }
}
