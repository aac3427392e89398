package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a referral's history: who moved it to which status, when, and why. Never changed. */
@Entity
@Table(name = "referral_step")
class ReferralStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "referral_id", nullable = false, updatable = false)
    private UUID referralId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false)
    private ReferralStatus status;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;
    @Column(name = "agency", nullable = false, updatable = false)
    private String agency;
    @Column(name = "reason", updatable = false)
    private String reason;
    @Column(name = "successful", updatable = false)
    private Boolean successful;

    protected ReferralStep() {
    }

    ReferralStep(UUID referralId, ReferralStatus status, Instant occurredAt, String actor, String agency, String reason,
            Boolean successful) {
        this.referralId = referralId;
        this.status = status;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.agency = agency;
        this.reason = reason;
        this.successful = successful;
    }

    ReferralStatus status() { return status; }
    Instant occurredAt() { return occurredAt; }
    String actor() { return actor; }
    String agency() { return agency; }
    String reason() { return reason; }
    Boolean successful() { return successful; }
}
