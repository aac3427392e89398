package org.regionalexchange.gateway.referral;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.regionalexchange.gateway.validation.JsonText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The basis a person's data is referred on, as the rules accepted it: their consent (with how it
 * was given) or their best interest (with the reason). Kept as given by the referral and by the
 * record opened from it (columns {@code basis}, {@code consent}, {@code best_interest_reason} of
 * both tables), and written the same way into every view, message and answer that shows it.
 */
@Embeddable
class ReferralBasis {

    @Column(name = "basis", nullable = false, updatable = false)
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "consent", updatable = false)
    private String consent;
    @Column(name = "best_interest_reason", updatable = false)
    private String bestInterestReason;

    protected ReferralBasis() {
    }

    /**
     * @param name               {@code CONSENT} or {@code BEST_INTEREST}
     * @param consent            the consent as given, or null
     * @param bestInterestReason why the referral is in the person's best interest, or null
     */
    ReferralBasis(String name, JsonNode consent, String bestInterestReason) {
        this.name = Objects.requireNonNull(name, "basis");
        this.consent = JsonText.of(consent);
        this.bestInterestReason = bestInterestReason;
    }

    /** The same basis, for another entity to keep (an embedded value belongs to one entity). */
    ReferralBasis copy() {
        ReferralBasis copy = new ReferralBasis();
        copy.name = name;
        copy.consent = consent;
        copy.bestInterestReason = bestInterestReason;
        return copy;
    }

    String name() {
        return name;
    }

    JsonNode consent() {
        return JsonText.parse(consent);
    }

    String bestInterestReason() {
        return bestInterestReason;
    }

    /** Writes {@code basis}, and {@code consent} and {@code bestInterestReason} where there are, into {@code node}. */
    void writeTo(ObjectNode node) {
        node.put("basis", name);
        if (consent != null) {
            node.set("consent", consent());
        }
        if (bestInterestReason != null) {
            node.put("bestInterestReason", bestInterestReason);
        }
    }
}
