package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The edit form carries every member of a record: filled from a record and saved unchanged, it
 * gives back the same document, so a PUT from the console never drops a category it did not show.
 */
class RecordEditFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RECORD = """
            {"id": "5b0c1f7e-0000-4000-8000-000000000001", "holderAgency": "KG-SMS", "holderRecordRef": "KG-2026-0017",
             "identity": {"familyName": "Хабиби", "givenNames": "Навид", "latinFamilyName": "Habibi",
               "latinGivenNames": "Navid", "sex": "M", "dateOfBirth": "1992-05", "placeOfBirth": "Herat",
               "nationalities": ["AF", "IR"], "formerHabitualResidences": ["IR"],
               "documents": [{"type": "PASSPORT", "number": "P1234567", "issuingCountry": "AF"},
                             {"type": "OTHER", "number": "X 1"}]},
             "caseStatus": {"status": "REFUGEE", "statusDate": "2026-04-02"},
             "claim": {"summary": "Threatened for his work.\\nTwice.", "grounds": ["RELIGION", "POLITICAL_OPINION"],
               "countriesOfFear": ["AF"]},
             "family": [{"relation": "SPOUSE", "familyName": "Habibi", "givenNames": "Mariam", "dateOfBirth": "1995",
                         "whereabouts": "Herat"},
                        {"relation": "CHILD", "familyName": "Habibi", "givenNames": "Omid"}],
             "contact": {"address": "Bishkek, sample street 4", "phone": "+996 555 000 000", "currentLocation": "Bishkek"},
             "specificNeeds": {"codes": ["TORTURE_SURVIVOR", "SERIOUS_MEDICAL_CONDITION"], "notes": "Needs a doctor."},
             "protectionHold": true, "createdAt": "2026-01-10T10:00:00Z", "updatedAt": "2026-04-02T10:00:00Z",
             "version": 7}""";

    @Test
    @DisplayName("a record read and saved unchanged is the same document, every category kept")
    void roundTrip() {
        JsonNode read = JSON.readTree(RECORD);
        ObjectNode saved = posted(RecordEditForm.of(read)).toRecord(JSON);
        ObjectNode expected = ((ObjectNode) read).deepCopy();
        expected.remove(java.util.List.of("id", "holderAgency", "createdAt", "updatedAt", "version"));
        assertThat(saved).isEqualTo(expected);
        assertThat(posted(RecordEditForm.of(read)).version()).isEqualTo(7L);
    }

    @Test
    @DisplayName("the form shows every filled row and one empty row; an emptied row is removed when saved")
    void rows() {
        RecordEditForm form = RecordEditForm.of(JSON.readTree(RECORD));
        assertThat(form.documentRows()).containsExactly(0, 1, 2);
        assertThat(form.familyRows()).containsExactly(0, 1, 2);
        MultiValueMap<String, String> values = values(form);
        for (String field : RecordEditForm.FAMILY_FIELDS) {
            values.set("family.0." + field, "");
        }
        values.set("claimSummary", "");
        values.remove("claimGrounds");
        values.set("countriesOfFear", " ");
        values.set("nationalities", "af ir");
        ObjectNode saved = RecordEditForm.of(values).toRecord(JSON);
        assertThat(saved.path("family")).hasSize(1);
        assertThat(saved.path("family").get(0).path("givenNames").asString()).isEqualTo("Omid");
        assertThat(saved.has("claim")).as("an emptied category is removed").isFalse();
        assertThat(saved.path("identity").path("nationalities").toString()).isEqualTo("[\"AF\",\"IR\"]");
    }

    @Test
    @DisplayName("what is typed goes as typed (stripped): the schema judges it, and a bad version is no version")
    void typedAsTyped() {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("familyName", "  <script>alert(1)</script> ");
        values.add("givenNames", "");
        values.add("status", "REFUGEE");
        values.add("version", "7; drop");
        RecordEditForm form = RecordEditForm.of(values);
        ObjectNode saved = form.toRecord(JSON);
        assertThat(saved.path("identity").path("familyName").asString()).isEqualTo("<script>alert(1)</script>");
        assertThat(saved.path("identity").path("givenNames").asString()).as("required: sent empty").isEmpty();
        assertThat(saved.path("identity").path("nationalities")).isEmpty();
        assertThat(saved.path("protectionHold").asBoolean()).isFalse();
        assertThat(form.version()).isNull();
        assertThat(form.revisionReason()).isEqualTo("record updated");
    }

    /** The form as the browser posts it back: every field the page shows, with its value. */
    private static RecordEditForm posted(RecordEditForm shown) {
        return RecordEditForm.of(values(shown));
    }

    private static MultiValueMap<String, String> values(RecordEditForm shown) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        for (String field : java.util.List.of("version", "holderRecordRef", "familyName", "givenNames", "latinFamilyName",
                "latinGivenNames", "sex", "dateOfBirth", "placeOfBirth", "nationalities", "formerHabitualResidences",
                "status", "statusDate", "claimSummary", "countriesOfFear", "contactAddress", "contactPhone",
                "contactLocation", "needsNotes", "reason")) {
            values.add(field, shown.value(field));
        }
        for (int i : shown.documentRows()) {
            for (String field : RecordEditForm.DOCUMENT_FIELDS) {
                values.add("document." + i + "." + field, shown.value("document." + i + "." + field));
            }
        }
        for (int i : shown.familyRows()) {
            for (String field : RecordEditForm.FAMILY_FIELDS) {
                values.add("family." + i + "." + field, shown.value("family." + i + "." + field));
            }
        }
        for (String ground : RegistrarConsoleController.GROUNDS) {
            if (shown.has("claimGrounds", ground)) {
                values.add("claimGrounds", ground);
            }
        }
        for (String need : RegistrarConsoleController.NEEDS) {
            if (shown.has("needs", need)) {
                values.add("needs", need);
            }
        }
        if (shown.has("protectionHold", "1")) {
            values.add("protectionHold", "1");
        }
        return values;
    }
}
