package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record the receiving agency opened from an accepted referral, and the basis the person's data
 * came on, carried over from the referral as given. One per referral; written once, never changed.
 */
@Entity
@Table(name = "referral_record")
class RecordOpening {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;
    @Column(name = "receiver_agency", nullable = false, updatable = false)
    private String receiverAgency;
    @Column(name = "sender_agency", nullable = false, updatable = false)
    private String senderAgency;
    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;
    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;
    @Column(name = "categories", nullable = false, updatable = false)
    private String categories;
    @Embedded
    private ReferralBasis basis;

    protected RecordOpening() {
    }

    RecordOpening(Referral referral, UUID recordId, String openedBy, String categories, Instant now) {
        this.referralId = referral.id();
        this.recordId = recordId;
        this.receiverAgency = referral.receiverAgency();
        this.senderAgency = referral.senderAgency();
        this.openedBy = openedBy;
        this.openedAt = now;
        this.categories = categories;
        this.basis = referral.basis().copy();
    }

    UUID recordId() {
        return recordId;
    }

    String receiverAgency() {
        return receiverAgency;
    }

    @Override
    public String toString() {
        return "RecordOpening[" + referralId + "]";
    }
}
