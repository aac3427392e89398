package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.ReferralCategory;

import tools.jackson.databind.JsonNode;

/**
 * One referral sent by an agency of this node. {@code carried} is what the receiver may see: the
 * data of exactly the referred categories, taken when it was sent. {@link #toString()} prints the
 * id only.
 */
@Entity
@Table(name = "referral")
class Referral {

    @Id
    private UUID id;
    @Column(name = "sender_agency", nullable = false, updatable = false)
    private String senderAgency;
    @Column(name = "sent_by", nullable = false, updatable = false)
    private String sentBy;
    @Column(name = "receiver_agency", nullable = false, updatable = false)
    private String receiverAgency;
    @Column(name = "receiver_node", nullable = false, updatable = false)
    private String receiverNode;
    /** The node a referral received from another node came from; null for one sent here. */
    @Column(name = "sender_node", updatable = false)
    private String senderNode;
    @Column(name = "screening_id", updatable = false)
    private UUID screeningId;
    @Column(name = "record_id", updatable = false)
    private UUID recordId;
    @Column(name = "type", nullable = false, updatable = false)
    private String type;
    @Column(name = "categories", nullable = false, updatable = false)
    private String categories;
    @Embedded
    private ReferralBasis basis;
    @Column(name = "note", updatable = false)
    private String note;
    @Column(name = "priority", nullable = false, updatable = false)
    private String priority;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReferralStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "carried", nullable = false, updatable = false)
    private String carried;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Referral() {
    }

    /** What a sent referral is made of; the policy accepted it. */
    record Sent(String senderAgency, String sentBy, String receiverAgency, String receiverNode, UUID screeningId,
            UUID recordId, String type, Set<ReferralCategory> categories, ReferralBasis basis, String note,
            String priority, JsonNode carried) {
    }

    Referral(UUID id, Sent sent, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.senderAgency = sent.senderAgency();
        this.sentBy = sent.sentBy();
        this.receiverAgency = sent.receiverAgency();
        this.receiverNode = sent.receiverNode();
        this.screeningId = sent.screeningId();
        this.recordId = sent.recordId();
        this.type = sent.type();
        this.categories = sent.categories().stream().map(Enum::name).collect(Collectors.joining(","));
        this.basis = sent.basis();
        this.note = sent.note();
        this.priority = sent.priority();
        this.status = ReferralStatus.SENT;
        this.carried = JsonText.of(sent.carried());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A referral another node sent to an agency of this one, as it was sent ({@code sentAt}). */
    static Referral received(UUID id, Sent sent, String senderNode, Instant sentAt, Instant now) {
        Referral referral = new Referral(id, sent, sentAt);
        referral.senderNode = Objects.requireNonNull(senderNode);
        referral.updatedAt = now;
        return referral;
    }

    void moveTo(ReferralStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    UUID id() { return id; }
    String senderAgency() { return senderAgency; }
    String sentBy() { return sentBy; }
    String receiverAgency() { return receiverAgency; }
    String receiverNode() { return receiverNode; }
    String senderNode() { return senderNode; }
    UUID screeningId() { return screeningId; }
    UUID recordId() { return recordId; }
    String type() { return type; }
    ReferralBasis basis() { return basis; }
    String note() { return note; }
    String priority() { return priority; }
    ReferralStatus status() { return status; }
    JsonNode carried() { return JsonText.parse(carried); }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }

    Set<ReferralCategory> categories() {
        Set<ReferralCategory> set = EnumSet.noneOf(ReferralCategory.class);
        Arrays.stream(categories.split(",")).map(ReferralCategory::parse).forEach(set::add);
        return set;
    }

    @Override
    public String toString() {
        return "Referral[" + id + "]";
    }
}
