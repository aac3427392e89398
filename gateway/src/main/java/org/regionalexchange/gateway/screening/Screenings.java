package org.regionalexchange.gateway.screening;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ScreeningAnswers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The screenings of this node as the referral feature needs them. */
public interface Screenings {

    /**
     * The screening if the agency recorded it, read for a referral (the caller logs the referral);
     * empty when there is no such screening of that agency.
     */
    Optional<Interview> ofAgency(String agency, UUID screeningId);

    /** A recorded interview, its answers as the policy reads them, and its indicators. */
    record Interview(UUID id, Instant interviewedAt, ScreeningAnswers answers, Indicators indicators, JsonNode recorded) {

        /**
         * What a referral of these categories carries, and nothing else: IDENTITY the person as
         * known; SPECIFIC_NEEDS the needs observed; SCREENING the interview (where, when, language,
         * what the person was told, the answers) and its indicators.
         */
        public ObjectNode carried(Set<ReferralCategory> categories) {
            ObjectNode data = JsonText.mapper().createObjectNode();
            if (categories.contains(ReferralCategory.IDENTITY)) {
                data.set("identity", recorded.path("person"));
            }
            if (categories.contains(ReferralCategory.SPECIFIC_NEEDS)) {
                data.set("specificNeeds", recorded.has("specificNeeds") ? recorded.get("specificNeeds")
                        : JsonText.mapper().createArrayNode());
            }
            if (categories.contains(ReferralCategory.SCREENING)) {
                ObjectNode screening = data.putObject("screening");
                for (String field : new String[] {"place", "interviewedAt", "language", "interpreterPresent", "informed",
                        "answers"}) {
                    if (recorded.has(field)) {
                        screening.set(field, recorded.get(field));
                    }
                }
                screening.set("indicators", ScreeningView.indicators(indicators));
            }
            return data;
        }
    }
}
