package org.regionalexchange.gateway.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.regionalexchange.gateway.validation.JsonText;

import tools.jackson.databind.JsonNode;

/**
 * A subject record (docs/design.md §4): what a holding agency has registered as shareable about
 * one person, one jsonb column per category. Audited with modified flags, so each revision says
 * which categories changed. The personal data is reachable only with a {@link PersonalDataAccess}
 * token; {@link #toString()} prints the id only.
 */
@Entity
@Table(name = "subject_record")
class SubjectRecord {

    @Id
    private UUID id;

    @Audited(withModifiedFlag = true, modifiedColumnName = "holder_agency_mod")
    @Column(name = "holder_agency", nullable = false, updatable = false)
    private String holderAgency;

    @Audited(withModifiedFlag = true, modifiedColumnName = "holder_record_ref_mod")
    @Column(name = "holder_record_ref", nullable = false)
    private String holderRecordRef;

    @Audited(withModifiedFlag = true, modifiedColumnName = "identity_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "identity", nullable = false)
    private String identity;

    @Audited(withModifiedFlag = true, modifiedColumnName = "case_status_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "case_status", nullable = false)
    private String caseStatus;

    @Audited(withModifiedFlag = true, modifiedColumnName = "claim_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "claim")
    private String claim;

    @Audited(withModifiedFlag = true, modifiedColumnName = "family_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "family")
    private String family;

    @Audited(withModifiedFlag = true, modifiedColumnName = "contact_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact")
    private String contact;

    @Audited(withModifiedFlag = true, modifiedColumnName = "specific_needs_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "specific_needs")
    private String specificNeeds;

    @Audited(withModifiedFlag = true, modifiedColumnName = "protection_hold_mod")
    @Column(name = "protection_hold", nullable = false)
    private boolean protectionHold;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @NotAudited
    @Version
    private long version;

    // Derived from IDENTITY for matching; recomputed on every change, so not audited themselves.
    @NotAudited
    @Column(name = "family_name_key", nullable = false)
    private String familyNameKey;

    @NotAudited
    @Column(name = "latin_family_name_key")
    private String latinFamilyNameKey;

    @NotAudited
    @Column(name = "given_names_key", nullable = false)
    private String givenNamesKey;

    @NotAudited
    @Column(name = "latin_given_names_key")
    private String latinGivenNamesKey;

    @NotAudited
    @Column(name = "birth_from")
    private LocalDate birthFrom;

    @NotAudited
    @Column(name = "birth_to")
    private LocalDate birthTo;

    @NotAudited
    @Column(name = "nationality_keys")
    private String nationalityKeys;

    @NotAudited
    @Column(name = "document_keys")
    private String documentKeys;

    protected SubjectRecord() {
    }

    SubjectRecord(UUID id, String holderAgency, JsonNode document, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.holderAgency = Objects.requireNonNull(holderAgency);
        this.createdAt = now;
        replace(document, now);
    }

    /** Replaces every category by the document's (a category left out is removed). */
    void replace(JsonNode document, Instant now) {
        holderRecordRef = document.get("holderRecordRef").asString();
        identity = keepIfSame(identity, document.get("identity"));
        caseStatus = keepIfSame(caseStatus, document.get("caseStatus"));
        claim = keepIfSame(claim, document.get("claim"));
        family = keepIfSame(family, document.get("family"));
        contact = keepIfSame(contact, document.get("contact"));
        specificNeeds = keepIfSame(specificNeeds, document.get("specificNeeds"));
        JsonNode hold = document.get("protectionHold");
        protectionHold = hold != null && hold.asBoolean();
        updatedAt = now;
        deriveMatchingKeys(document.get("identity"));
    }

    private static String keepIfSame(String current, JsonNode replacement) {
        String text = JsonText.of(replacement);
        return JsonText.same(current, text) ? current : text;
    }

    private void deriveMatchingKeys(JsonNode identityNode) {
        familyNameKey = NameFolding.key(identityNode.get("familyName").asString());
        givenNamesKey = NameFolding.key(identityNode.get("givenNames").asString());
        latinFamilyNameKey = optionalKey(identityNode.get("latinFamilyName"));
        latinGivenNamesKey = optionalKey(identityNode.get("latinGivenNames"));
        JsonNode dob = identityNode.get("dateOfBirth");
        BirthDates range = dob == null ? null : BirthDates.of(dob.asString());
        birthFrom = range == null ? null : range.from();
        birthTo = range == null ? null : range.to();
        TreeSet<String> nationalities = new TreeSet<>();
        JsonNode list = identityNode.get("nationalities");
        if (list != null) {
            list.forEach(n -> nationalities.add(n.asString()));
        }
        nationalityKeys = nationalities.isEmpty() ? null : " " + String.join(" ", nationalities) + " ";
        TreeSet<String> documents = new TreeSet<>();
        JsonNode docs = identityNode.get("documents");
        if (docs != null) {
            docs.forEach(d -> documents.add(DocumentNumbers.normalize(d.get("number").asString())));
        }
        documentKeys = documents.isEmpty() ? null : " " + String.join(" ", documents) + " ";
    }

    private static String optionalKey(JsonNode name) {
        if (name == null || name.isNull()) {
            return null;
        }
        String key = NameFolding.key(name.asString());
        return key.isEmpty() ? null : key;
    }

    UUID id() {
        return id;
    }

    /** The optimistic-lock version: one more on every change of the record. */
    long version() {
        return version;
    }

    String holderAgency() {
        return holderAgency;
    }

    String holderRecordRef() {
        return holderRecordRef;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The record as the registrar wrote it (all categories). Raw personal data: name why. */
    RecordContent claim(PersonalDataAccess access) {
        Objects.requireNonNull(access, "access");
        return new RecordContent(holderRecordRef, JsonText.parse(identity), JsonText.parse(caseStatus),
                JsonText.parse(claim), JsonText.parse(family), JsonText.parse(contact),
                JsonText.parse(specificNeeds), protectionHold);
    }

    /** The keys identity matching compares, as derived when the record was last written. */
    IdentityMatcher.MatchKeys matchKeys() {
        return new IdentityMatcher.MatchKeys(id, familyNameKey, latinFamilyNameKey, givenNamesKey, latinGivenNamesKey,
                birthFrom, birthTo, nationalityKeys, documentKeys);
    }

    /** Names of the categories present, in API field names. */
    List<String> presentCategories() {
        List<String> present = new ArrayList<>(List.of("identity", "caseStatus"));
        if (claim != null) {
            present.add("claim");
        }
        if (family != null) {
            present.add("family");
        }
        if (contact != null) {
            present.add("contact");
        }
        if (specificNeeds != null) {
            present.add("specificNeeds");
        }
        return present;
    }

    @Override
    public String toString() {
        return "SubjectRecord[" + id + "]";
    }
}
