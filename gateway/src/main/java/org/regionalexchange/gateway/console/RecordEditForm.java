package org.regionalexchange.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's edit form of one record, as typed: every member {@code PUT /api/v1/records/{id}}
 * takes (the PUT replaces the whole record, so a category the form left out would be removed), and
 * the version the registrar read. Filled from the record as read, or from what was posted after a
 * refusal; turned into the document of schema {@code record}, which the schema and the record
 * service judge, not the form.
 */
public final class RecordEditForm extends PostedForm {

    static final int MAX_DOCUMENTS = 10;
    static final int MAX_FAMILY = 30;
    static final List<String> DOCUMENT_FIELDS = List.of("type", "number", "issuingCountry");
    static final List<String> FAMILY_FIELDS = List.of("relation", "familyName", "givenNames", "dateOfBirth", "whereabouts");
    private static final List<String> IDENTITY_TEXTS = List.of("familyName", "givenNames", "latinFamilyName",
            "latinGivenNames", "sex", "dateOfBirth", "placeOfBirth");

    private RecordEditForm(Map<String, List<String>> values) {
        super(values);
    }

    /** The form as posted. */
    static RecordEditForm of(MultiValueMap<String, String> posted) {
        return new RecordEditForm(posted(posted));
    }

    /** The form of a record as {@code GET /api/v1/records/{id}} shows it, at its version. */
    static RecordEditForm of(JsonNode record) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, "version", record.path("version").asString(""));
        put(values, "holderRecordRef", record.path("holderRecordRef").asString(""));
        JsonNode identity = record.path("identity");
        for (String field : IDENTITY_TEXTS) {
            put(values, field, identity.path(field).asString(""));
        }
        put(values, "nationalities", codes(identity.path("nationalities")));
        put(values, "formerHabitualResidences", codes(identity.path("formerHabitualResidences")));
        rows(values, "document", identity.path("documents"), DOCUMENT_FIELDS, MAX_DOCUMENTS);
        put(values, "status", record.path("caseStatus").path("status").asString(""));
        put(values, "statusDate", record.path("caseStatus").path("statusDate").asString(""));
        JsonNode claim = record.path("claim");
        put(values, "claimSummary", claim.path("summary").asString(""));
        values.put("claimGrounds", list(claim.path("grounds")));
        put(values, "countriesOfFear", codes(claim.path("countriesOfFear")));
        rows(values, "family", record.path("family"), FAMILY_FIELDS, MAX_FAMILY);
        JsonNode contact = record.path("contact");
        put(values, "contactAddress", contact.path("address").asString(""));
        put(values, "contactPhone", contact.path("phone").asString(""));
        put(values, "contactLocation", contact.path("currentLocation").asString(""));
        values.put("needs", list(record.path("specificNeeds").path("codes")));
        put(values, "needsNotes", record.path("specificNeeds").path("notes").asString(""));
        if (record.path("protectionHold").asBoolean(false)) {
            put(values, "protectionHold", "1");
        }
        return new RecordEditForm(values);
    }

    /** The rows of documents the form shows: those filled, and one empty row while there is room. */
    public List<Integer> documentRows() {
        return shownRows("document", DOCUMENT_FIELDS, MAX_DOCUMENTS);
    }

    /** The rows of family members the form shows: those filled, and one empty row while there is room. */
    public List<Integer> familyRows() {
        return shownRows("family", FAMILY_FIELDS, MAX_FAMILY);
    }

    /** The version the registrar read, or null when the form carries none a number. */
    Long version() {
        String version = value("version").strip();
        return version.matches("[0-9]{1,18}") ? Long.valueOf(version) : null;
    }

    /** The reason kept with the revision; the API's default when none is given. */
    String revisionReason() {
        String given = value("reason").strip();
        return given.isEmpty() ? "record updated" : given.substring(0, Math.min(1000, given.length()));
    }

    /** The record as {@code PUT /api/v1/records/{id}} takes it. */
    ObjectNode toRecord(JsonMapper json) {
        ObjectNode record = json.createObjectNode();
        record.put("holderRecordRef", value("holderRecordRef").strip());
        ObjectNode identity = record.putObject("identity");
        // The two names are required: sent even when empty, for the schema to name the field.
        identity.put("familyName", value("familyName").strip());
        identity.put("givenNames", value("givenNames").strip());
        for (String field : IDENTITY_TEXTS.subList(2, IDENTITY_TEXTS.size())) {
            text(identity, field, value(field));
        }
        countries(identity, "nationalities", value("nationalities"), true);
        countries(identity, "formerHabitualResidences", value("formerHabitualResidences"), false);
        List<ObjectNode> documents = filledRows(json, "document", DOCUMENT_FIELDS, MAX_DOCUMENTS);
        documents.forEach(document -> upperCase(document, "issuingCountry"));
        if (!documents.isEmpty()) {
            identity.putArray("documents").addAll(documents);
        }
        ObjectNode caseStatus = record.putObject("caseStatus");
        caseStatus.put("status", value("status"));
        caseStatus.put("statusDate", value("statusDate").strip());
        List<String> grounds = values("claimGrounds");
        if (!value("claimSummary").isBlank() || !grounds.isEmpty() || !value("countriesOfFear").isBlank()) {
            ObjectNode claim = record.putObject("claim");
            claim.put("summary", value("claimSummary").strip());
            if (!grounds.isEmpty()) {
                grounds.forEach(claim.putArray("grounds")::add);
            }
            countries(claim, "countriesOfFear", value("countriesOfFear"), false);
        }
        List<ObjectNode> family = filledRows(json, "family", FAMILY_FIELDS, MAX_FAMILY);
        if (!family.isEmpty()) {
            record.putArray("family").addAll(family);
        }
        ObjectNode contact = json.createObjectNode();
        text(contact, "address", value("contactAddress"));
        text(contact, "phone", value("contactPhone"));
        text(contact, "currentLocation", value("contactLocation"));
        if (!contact.isEmpty()) {
            record.set("contact", contact);
        }
        List<String> needs = values("needs");
        if (!needs.isEmpty() || !value("needsNotes").isBlank()) {
            ObjectNode specificNeeds = record.putObject("specificNeeds");
            needs.forEach(specificNeeds.putArray("codes")::add);
            text(specificNeeds, "notes", value("needsNotes"));
        }
        record.put("protectionHold", has("protectionHold", "1"));
        return record;
    }

    private List<Integer> shownRows(String prefix, List<String> fields, int max) {
        int last = -1;
        for (int i = 0; i < max; i++) {
            for (String field : fields) {
                if (!value(prefix + "." + i + "." + field).isBlank()) {
                    last = i;
                }
            }
        }
        int shown = Math.min(max, last + 2);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            rows.add(i);
        }
        return rows;
    }

    /** Every row with something typed in it, as typed; an empty row is no row. */
    private List<ObjectNode> filledRows(JsonMapper json, String prefix, List<String> fields, int max) {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            ObjectNode row = json.createObjectNode();
            for (String field : fields) {
                text(row, field, value(prefix + "." + i + "." + field));
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static void rows(Map<String, List<String>> values, String prefix, JsonNode list, List<String> fields,
            int max) {
        for (int i = 0; i < Math.min(max, list.size()); i++) {
            for (String field : fields) {
                put(values, prefix + "." + i + "." + field, list.get(i).path(field).asString(""));
            }
        }
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        values.put(name, List.of(value));
    }

    private static List<String> list(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asString()));
        return list;
    }

    private static String codes(JsonNode array) {
        return String.join(", ", list(array));
    }

    private static void text(ObjectNode into, String field, String value) {
        if (!value.isBlank()) {
            into.put(field, value.strip());
        }
    }

    private static void upperCase(ObjectNode row, String field) {
        if (row.has(field)) {
            row.put(field, row.get(field).asString().toUpperCase(Locale.ROOT));
        }
    }

    /** Country codes as typed, separated by commas or spaces, in capitals; an empty list only where one is required. */
    private static void countries(ObjectNode into, String field, String value, boolean required) {
        if (value.isBlank() && !required) {
            return;
        }
        ArrayNode list = into.putArray(field);
        if (!value.isBlank()) {
            for (String code : value.strip().split("[,\\s]+")) {
                list.add(code.toUpperCase(Locale.ROOT));
            }
        }
    }
}
