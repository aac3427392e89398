package org.regionalexchange.gateway.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the receiving registrar adds to an accepted referral to open the agency's record: the
 * agency's reference, a case status (required when the referral carried none; the agency's own
 * wins) and identity fields the referral lacks. Turned into the document of {@code POST
 * /api/v1/referrals/{id}/record}; what was referred is kept as referred by the service, whatever
 * is posted here.
 */
public final class OpenRecordForm {

    /** The identity fields a registrar may give, in the form's order. */
    static final List<String> IDENTITY_FIELDS = List.of("familyName", "givenNames", "latinFamilyName",
            "latinGivenNames", "sex", "dateOfBirth", "placeOfBirth", "nationalities");

    private final Map<String, String> values;

    OpenRecordForm(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The text typed into a field, or "" when none. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    ObjectNode toBody(JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("holderRecordRef", value("holderRecordRef").strip());
        if (!value("status").isBlank() || !value("statusDate").isBlank()) {
            ObjectNode caseStatus = body.putObject("caseStatus");
            text(caseStatus, "status", value("status"));
            text(caseStatus, "statusDate", value("statusDate"));
        }
        ObjectNode identity = json.createObjectNode();
        for (String field : IDENTITY_FIELDS) {
            if (field.equals("nationalities")) {
                if (!value(field).isBlank()) {
                    ArrayNode codes = identity.putArray(field);
                    for (String code : value(field).strip().split("[,\\s]+")) {
                        codes.add(code.toUpperCase(Locale.ROOT));
                    }
                }
            } else {
                text(identity, field, value(field));
            }
        }
        if (!identity.isEmpty()) {
            body.set("identity", identity);
        }
        return body;
    }

    private static void text(ObjectNode into, String field, String value) {
        if (!value.isBlank()) {
            into.put(field, value.strip());
        }
    }
}
