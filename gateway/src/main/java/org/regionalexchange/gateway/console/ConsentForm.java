package org.regionalexchange.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's consent form: one recipient (a country, an agency or an organization), the
 * purposes and categories, the dates and how the person was informed. Turned into the document of
 * {@code POST /api/v1/records/{id}/consents}; the schema and the consent service judge it.
 * Serializable: a refused form is shown again after a redirect (a flash attribute of the session,
 * which the node's database stores).
 */
public class ConsentForm implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String recipientKind = "AGENCY";
    private String recipient = "";
    private List<String> purposes = new ArrayList<>();
    private List<String> categories = new ArrayList<>();
    private String validFrom = "";
    private String validUntil = "";
    private String givenBy = "SUBJECT";
    private String informedInLanguage = "";
    private boolean interpreterPresent;
    private String evidenceRef = "";

    ObjectNode toConsent(JsonMapper json) {
        ObjectNode consent = json.createObjectNode();
        String kind = switch (recipientKind) {
            case "COUNTRY" -> "country";
            case "ORGANIZATION" -> "organization";
            default -> "agency";
        };
        consent.putArray("recipients").addObject().put(kind, recipient.strip().toUpperCase(Locale.ROOT));
        purposes.forEach(consent.putArray("purposes")::add);
        categories.forEach(consent.putArray("categories")::add);
        consent.put("validFrom", validFrom.strip());
        if (!validUntil.isBlank()) {
            consent.put("validUntil", validUntil.strip());
        }
        consent.put("givenBy", givenBy);
        consent.put("informedInLanguage", informedInLanguage.strip().toLowerCase(Locale.ROOT));
        consent.put("interpreterPresent", interpreterPresent);
        if (!evidenceRef.isBlank()) {
            consent.put("evidenceRef", evidenceRef.strip());
        }
        return consent;
    }

    /** Whether a check box of the form is ticked (templates/console/fields.html "checks"). */
    public boolean has(String name, String code) {
        return switch (name) {
            case "purposes" -> purposes.contains(code);
            case "categories" -> categories.contains(code);
            default -> false;
        };
    }

    public String getRecipientKind() { return recipientKind; }
    public void setRecipientKind(String value) { recipientKind = nonNull(value); }
    public String getRecipient() { return recipient; }
    public void setRecipient(String value) { recipient = nonNull(value); }
    public List<String> getPurposes() { return purposes; }
    public void setPurposes(List<String> value) { purposes = value == null ? new ArrayList<>() : value; }
    public List<String> getCategories() { return categories; }
    public void setCategories(List<String> value) { categories = value == null ? new ArrayList<>() : value; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String value) { validFrom = nonNull(value); }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String value) { validUntil = nonNull(value); }
    public String getGivenBy() { return givenBy; }
    public void setGivenBy(String value) { givenBy = nonNull(value); }
    public String getInformedInLanguage() { return informedInLanguage; }
    public void setInformedInLanguage(String value) { informedInLanguage = nonNull(value); }
    public boolean isInterpreterPresent() { return interpreterPresent; }
    public void setInterpreterPresent(boolean value) { interpreterPresent = value; }
    public String getEvidenceRef() { return evidenceRef; }
    public void setEvidenceRef(String value) { evidenceRef = nonNull(value); }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
