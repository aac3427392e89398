package org.regionalexchange.gateway.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One Envers revision: who changed audited data, for which agency, on which node, and why
 * (docs/design.md §4, §9). Filled by {@link AuditRevisionListener}.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
    @SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 1)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "revised_at", nullable = false)
    private Instant revisedAt;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(length = 40)
    private String agency;

    @Column(name = "node_id", nullable = false, length = 31)
    private String nodeId;

    @Column(length = 1000)
    private String reason;

    @Column(name = "correlation_id", length = 100)
    private String correlationId;

    protected AuditRevision() {
    }

    public Long getId() {
        return id;
    }

    public Instant getRevisedAt() {
        return revisedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAgency() {
        return agency;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getReason() {
        return reason;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    void describe(String actor, String agency, String nodeId, String reason, String correlationId) {
        this.actor = actor;
        this.agency = agency;
        this.nodeId = nodeId;
        this.reason = reason;
        this.correlationId = correlationId;
    }
}
