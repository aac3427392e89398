package org.regionalexchange.gateway.console;

import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's new-record form: the reference, the names as written and in Latin letters, the
 * birth date, nationality and case status. Turned into the document of {@code POST
 * /api/v1/records}; the schema and the record service judge it, not the form.
 */
public class RecordForm {

    private String holderRecordRef = "";
    private String familyName = "";
    private String givenNames = "";
    private String latinFamilyName = "";
    private String latinGivenNames = "";
    private String sex = "";
    private String dateOfBirth = "";
    private String nationality = "";
    private String status = "ASYLUM_SEEKER";
    private String statusDate = "";
    private String reason = "";

    ObjectNode toRecord(JsonMapper json) {
        ObjectNode record = json.createObjectNode();
        record.put("holderRecordRef", holderRecordRef.strip());
        ObjectNode identity = record.putObject("identity");
        identity.put("familyName", familyName.strip());
        identity.put("givenNames", givenNames.strip());
        putIfGiven(identity, "latinFamilyName", latinFamilyName);
        putIfGiven(identity, "latinGivenNames", latinGivenNames);
        putIfGiven(identity, "sex", sex);
        putIfGiven(identity, "dateOfBirth", dateOfBirth);
        var nationalities = identity.putArray("nationalities");
        if (!nationality.isBlank()) {
            nationalities.add(nationality.strip().toUpperCase(Locale.ROOT));
        }
        ObjectNode caseStatus = record.putObject("caseStatus");
        caseStatus.put("status", status);
        caseStatus.put("statusDate", statusDate.strip());
        return record;
    }

    /** The reason kept with the revision; the API's default when none is given. */
    String revisionReason() {
        String given = reason.strip();
        return given.isEmpty() ? "record created" : given.substring(0, Math.min(1000, given.length()));
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (!value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    public String getHolderRecordRef() { return holderRecordRef; }
    public void setHolderRecordRef(String value) { holderRecordRef = nonNull(value); }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String value) { familyName = nonNull(value); }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String value) { givenNames = nonNull(value); }
    public String getLatinFamilyName() { return latinFamilyName; }
    public void setLatinFamilyName(String value) { latinFamilyName = nonNull(value); }
    public String getLatinGivenNames() { return latinGivenNames; }
    public void setLatinGivenNames(String value) { latinGivenNames = nonNull(value); }
    public String getSex() { return sex; }
    public void setSex(String value) { sex = nonNull(value); }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String value) { dateOfBirth = nonNull(value); }
    public String getNationality() { return nationality; }
    public void setNationality(String value) { nationality = nonNull(value); }
    public String getStatus() { return status; }
    public void setStatus(String value) { status = nonNull(value); }
    public String getStatusDate() { return statusDate; }
    public void setStatusDate(String value) { statusDate = nonNull(value); }
    public String getReason() { return reason; }
    public void setReason(String value) { reason = nonNull(value); }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
