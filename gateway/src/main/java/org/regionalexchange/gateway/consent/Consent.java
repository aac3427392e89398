package org.regionalexchange.gateway.consent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.ConsentRecipient;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
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
 * An informed consent to share named categories of a record with named recipients for named
 * purposes (docs/design.md §4). Withdrawal is final and takes effect at once. Audited with
 * modified flags; {@link #toString()} prints the ids only.
 */
@Entity
@Table(name = "consent")
@Audited(withModifiedFlag = true)
class Consent {

    @Id
    private UUID id;

    @Audited(withModifiedFlag = true, modifiedColumnName = "record_id_mod")
    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Audited(withModifiedFlag = true, modifiedColumnName = "holder_agency_mod")
    @Column(name = "holder_agency", nullable = false, updatable = false)
    private String holderAgency;

    @Audited(withModifiedFlag = true, modifiedColumnName = "recipients_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recipients", nullable = false)
    private String recipients;

    @Audited(withModifiedFlag = true, modifiedColumnName = "purposes_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "purposes", nullable = false)
    private String purposes;

    @Audited(withModifiedFlag = true, modifiedColumnName = "categories_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "categories", nullable = false)
    private String categories;

    @Audited(withModifiedFlag = true, modifiedColumnName = "valid_from_mod")
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Audited(withModifiedFlag = true, modifiedColumnName = "valid_until_mod")
    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Audited(withModifiedFlag = true, modifiedColumnName = "given_by_mod")
    @Column(name = "given_by", nullable = false)
    private String givenBy;

    @Audited(withModifiedFlag = true, modifiedColumnName = "informed_in_language_mod")
    @Column(name = "informed_in_language", nullable = false)
    private String informedInLanguage;

    @Audited(withModifiedFlag = true, modifiedColumnName = "interpreter_present_mod")
    @Column(name = "interpreter_present", nullable = false)
    private boolean interpreterPresent;

    @Audited(withModifiedFlag = true, modifiedColumnName = "evidence_ref_mod")
    @Column(name = "evidence_ref")
    private String evidenceRef;

    @Audited(withModifiedFlag = true, modifiedColumnName = "recorded_by_mod")
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Audited(withModifiedFlag = true, modifiedColumnName = "recorded_at_mod")
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Audited(withModifiedFlag = true, modifiedColumnName = "withdrawn_at_mod")
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Audited(withModifiedFlag = true, modifiedColumnName = "withdrawn_by_mod")
    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Audited(withModifiedFlag = true, modifiedColumnName = "withdrawal_reason_mod")
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @NotAudited
    @Version
    private long version;

    protected Consent() {
    }

    Consent(UUID id, UUID recordId, String holderAgency, JsonNode document, String recordedBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.recordId = Objects.requireNonNull(recordId);
        this.holderAgency = Objects.requireNonNull(holderAgency);
        this.recipients = JsonText.of(document.get("recipients"));
        this.purposes = JsonText.of(document.get("purposes"));
        this.categories = JsonText.of(document.get("categories"));
        this.validFrom = LocalDate.parse(document.get("validFrom").asString());
        this.validUntil = document.has("validUntil") ? LocalDate.parse(document.get("validUntil").asString()) : null;
        this.givenBy = document.get("givenBy").asString();
        this.informedInLanguage = document.get("informedInLanguage").asString();
        this.interpreterPresent = document.get("interpreterPresent").asBoolean();
        this.evidenceRef = document.has("evidenceRef") ? document.get("evidenceRef").asString() : null;
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = now;
    }

    /** The recipients this consent names, as in the consent document. */
    java.util.List<ConsentWithdrawn.Recipient> recipients() {
        java.util.List<ConsentWithdrawn.Recipient> found = new java.util.ArrayList<>();
        JsonText.parse(recipients).forEach(r -> r.properties().forEach(e -> found.add(
                new ConsentWithdrawn.Recipient(e.getKey(), e.getValue().asString()))));
        return found;
    }

    boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    void withdraw(String officer, String reason, Instant now) {
        if (isWithdrawn()) {
            throw new IllegalStateException("already withdrawn");
        }
        this.withdrawnAt = now;
        this.withdrawnBy = Objects.requireNonNull(officer);
        this.withdrawalReason = Objects.requireNonNull(reason);
    }

    /** {@code WITHDRAWN}, {@code NOT_YET_VALID}, {@code EXPIRED} or {@code ACTIVE} on {@code today}. */
    String status(LocalDate today) {
        if (isWithdrawn()) {
            return "WITHDRAWN";
        }
        if (today.isBefore(validFrom)) {
            return "NOT_YET_VALID";
        }
        // validUntil is exclusive, as the policy reads it (docs/policy.md).
        if (validUntil != null && !today.isBefore(validUntil)) {
            return "EXPIRED";
        }
        return "ACTIVE";
    }

    UUID id() {
        return id;
    }

    /** This consent as the policy reads it (the policy has its own {@code Consent} value). */
    org.regionalexchange.policy.model.Consent forPolicy() {
        return forPolicy(id, recipients, purposes, categories, validFrom, validUntil, givenBy, withdrawnAt,
                withdrawalReason);
    }

    /** A consent as the policy reads it, from the columns of its row (read with plain SQL by the exchange). */
    static org.regionalexchange.policy.model.Consent forPolicy(UUID id, String recipients, String purposes,
            String categories, LocalDate validFrom, LocalDate validUntil, String givenBy, Instant withdrawnAt,
            String withdrawalReason) {
        List<ConsentRecipient> to = new ArrayList<>();
        JsonText.parse(recipients).forEach(r -> to.add(r.has("country") ? ConsentRecipient.country(r.get("country").asString())
                : r.has("agency") ? ConsentRecipient.agency(r.get("agency").asString())
                : ConsentRecipient.organization(r.get("organization").asString())));
        Set<Purpose> forPurposes = EnumSet.noneOf(Purpose.class);
        JsonText.parse(purposes).forEach(p -> forPurposes.add(Purpose.valueOf(p.asString())));
        Set<Category> ofCategories = EnumSet.noneOf(Category.class);
        JsonText.parse(categories).forEach(c -> ofCategories.add(Category.valueOf(c.asString())));
        return new org.regionalexchange.policy.model.Consent(id.toString(), to, forPurposes, ofCategories, validFrom,
                Optional.ofNullable(validUntil), ConsentGiver.valueOf(givenBy),
                withdrawnAt != null ? Optional.of(new Withdrawal(withdrawnAt, withdrawalReason)) : Optional.empty());
    }

    UUID recordId() {
        return recordId;
    }

    String holderAgency() {
        return holderAgency;
    }

    ConsentView view(LocalDate today) {
        return new ConsentView(id, recordId, status(today), JsonText.parse(recipients), JsonText.parse(purposes),
                JsonText.parse(categories), validFrom, validUntil, givenBy, informedInLanguage, interpreterPresent,
                evidenceRef, recordedBy, recordedAt,
                isWithdrawn() ? new ConsentView.Withdrawal(withdrawnAt, withdrawnBy, withdrawalReason) : null);
    }

    @Override
    public String toString() {
        return "Consent[" + id + " of record " + recordId + "]";
    }
}
