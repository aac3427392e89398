package org.regionalexchange.gateway.screening;

import java.time.Instant;
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
 * One screening interview as the screener recorded it (docs/design.md §11): personal data of the
 * SCREENING category. The indicators are not stored: they are computed from the interview on
 * every read. {@link #toString()} prints the id only.
 */
@Entity
@Table(name = "screening")
@Audited
class Screening {

    @Id
    private UUID id;

    @Column(name = "agency", nullable = false, updatable = false)
    private String agency;

    @Column(name = "screener", nullable = false, updatable = false)
    private String screener;

    @Column(name = "place", nullable = false, updatable = false)
    private String place;

    @Column(name = "interviewed_at", nullable = false, updatable = false)
    private Instant interviewedAt;

    @Column(name = "questionnaire_id", nullable = false, updatable = false)
    private String questionnaireId;

    @Column(name = "questionnaire_version", nullable = false, updatable = false)
    private int questionnaireVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "interview", nullable = false, updatable = false)
    private String interview;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Version
    private long version;

    protected Screening() {
    }

    Screening(UUID id, String agency, String screener, Instant interviewedAt, String questionnaireId,
            int questionnaireVersion, JsonNode interview, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.agency = Objects.requireNonNull(agency);
        this.screener = Objects.requireNonNull(screener);
        this.place = interview.get("place").asString();
        this.interviewedAt = Objects.requireNonNull(interviewedAt);
        this.questionnaireId = Objects.requireNonNull(questionnaireId);
        this.questionnaireVersion = questionnaireVersion;
        this.interview = JsonText.of(interview);
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String agency() {
        return agency;
    }

    String screener() {
        return screener;
    }

    Instant interviewedAt() {
        return interviewedAt;
    }

    String questionnaireId() {
        return questionnaireId;
    }

    int questionnaireVersion() {
        return questionnaireVersion;
    }

    /** The interview as recorded: place, language, what the person was told, identity, answers, needs. */
    JsonNode interview() {
        return JsonText.parse(interview);
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Screening[" + id + "]";
    }
}
