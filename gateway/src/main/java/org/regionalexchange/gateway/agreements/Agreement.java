package org.regionalexchange.gateway.agreements;

import java.time.LocalDate;
import java.util.Objects;

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
import tools.jackson.databind.node.ObjectNode;

/** A data-sharing agreement between two parties (docs/design.md §2), audited with modified flags. */
@Entity
@Table(name = "agreement")
class Agreement {

    @Id
    @Column(name = "agreement_id")
    private String agreementId;

    @Audited(withModifiedFlag = true, modifiedColumnName = "parties_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parties", nullable = false)
    private String parties;

    @Audited(withModifiedFlag = true, modifiedColumnName = "purposes_mod")
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "purposes", nullable = false)
    private String purposes;

    @Audited(withModifiedFlag = true, modifiedColumnName = "valid_from_mod")
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Audited(withModifiedFlag = true, modifiedColumnName = "valid_until_mod")
    @Column(name = "valid_until")
    private LocalDate validUntil;

    /** {@code FILE} (deployment file) or {@code ADMIN} (API); the last writer. */
    @Audited(withModifiedFlag = true, modifiedColumnName = "source_mod")
    @Column(name = "source", nullable = false)
    private String source;

    @NotAudited
    @Version
    private long version;

    protected Agreement() {
    }

    Agreement(String agreementId) {
        this.agreementId = Objects.requireNonNull(agreementId);
    }

    /** Sets every field from {@code document}; returns true if anything changed. */
    boolean apply(JsonNode document, String newSource) {
        String newParties = JsonText.of(document.get("parties"));
        String newPurposes = JsonText.of(document.get("purposes"));
        LocalDate from = LocalDate.parse(document.get("validFrom").asString());
        LocalDate until = document.has("validUntil") ? LocalDate.parse(document.get("validUntil").asString()) : null;
        boolean changed = !JsonText.same(parties, newParties) || !JsonText.same(purposes, newPurposes)
                || !from.equals(validFrom) || !Objects.equals(until, validUntil);
        if (changed) {
            if (!JsonText.same(parties, newParties)) {
                parties = newParties;
            }
            if (!JsonText.same(purposes, newPurposes)) {
                purposes = newPurposes;
            }
            validFrom = from;
            validUntil = until;
            source = newSource;
        }
        return changed;
    }

    String agreementId() {
        return agreementId;
    }

    JsonNode parties() {
        return JsonText.parse(parties);
    }

    JsonNode purposes() {
        return JsonText.parse(purposes);
    }

    ObjectNode view() {
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("agreementId", agreementId);
        view.set("parties", parties());
        view.set("purposes", purposes());
        view.put("validFrom", validFrom.toString());
        if (validUntil != null) {
            view.put("validUntil", validUntil.toString());
        }
        view.put("source", source);
        return view;
    }

    @Override
    public String toString() {
        return "Agreement[" + agreementId + "]";
    }
}
