package org.regionalexchange.gateway.console;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer's request form: one person, named either by the holder's record reference or by
 * identity fields (no field takes a pattern: a name is a name). Turned into the same document as
 * {@code POST /api/v1/requests}; the schema and the policy judge it, not the form.
 */
public class RequestForm {

    private String holderAgency = "";
    private String subjectBy = "IDENTITY";
    private String holderRecordRef = "";
    private String familyName = "";
    private String givenNames = "";
    private String dateOfBirth = "";
    private String nationality = "";
    private String documentNumber = "";
    private String purpose = "";
    private String legalBasis = "AGREEMENT";
    private String requesterCaseRef = "";
    private String justification = "";
    private List<String> categories = new ArrayList<>();
    private String urgency = "ROUTINE";

    ObjectNode toRequest(JsonMapper json) {
        ObjectNode request = json.createObjectNode();
        request.put("holderAgency", holderAgency.strip());
        ObjectNode subject = request.putObject("subject");
        if ("RECORD".equals(subjectBy)) {
            subject.put("holderRecordRef", holderRecordRef.strip());
        } else {
            ObjectNode identity = subject.putObject("identity");
            identity.put("familyName", familyName.strip());
            identity.put("givenNames", givenNames.strip());
            identity.put("dateOfBirth", dateOfBirth.strip());
            if (!nationality.isBlank()) {
                identity.put("nationality", nationality.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (!documentNumber.isBlank()) {
                identity.put("documentNumber", documentNumber.strip());
            }
        }
        request.put("purpose", purpose);
        request.put("legalBasis", legalBasis);
        request.put("requesterCaseRef", requesterCaseRef.strip());
        request.put("justification", justification.strip());
        categories.forEach(request.putArray("categories")::add);
        request.put("urgency", urgency);
        return request;
    }

    public String getHolderAgency() { return holderAgency; }
    public void setHolderAgency(String value) { holderAgency = nonNull(value); }
    public String getSubjectBy() { return subjectBy; }
    public void setSubjectBy(String value) { subjectBy = nonNull(value); }
    public String getHolderRecordRef() { return holderRecordRef; }
    public void setHolderRecordRef(String value) { holderRecordRef = nonNull(value); }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String value) { familyName = nonNull(value); }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String value) { givenNames = nonNull(value); }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String value) { dateOfBirth = nonNull(value); }
    public String getNationality() { return nationality; }
    public void setNationality(String value) { nationality = nonNull(value); }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String value) { documentNumber = nonNull(value); }
    public String getPurpose() { return purpose; }
    public void setPurpose(String value) { purpose = nonNull(value); }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String value) { legalBasis = nonNull(value); }
    public String getRequesterCaseRef() { return requesterCaseRef; }
    public void setRequesterCaseRef(String value) { requesterCaseRef = nonNull(value); }
    public String getJustification() { return justification; }
    public void setJustification(String value) { justification = nonNull(value); }
    public List<String> getCategories() { return categories; }
    public void setCategories(List<String> value) { categories = value == null ? new ArrayList<>() : value; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String value) { urgency = nonNull(value); }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
