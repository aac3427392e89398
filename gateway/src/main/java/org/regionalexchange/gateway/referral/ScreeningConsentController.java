package org.regionalexchange.gateway.referral;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/screenings/{id}/consent-withdrawal}: the person withdraws the consent given
 * at the screening; every open referral that rested on it is revoked (a screener of the agency
 * that recorded the screening).
 */
@RestController
class ScreeningConsentController {

    private final ReferralRevocations revocations;

    ScreeningConsentController(ReferralRevocations revocations) {
        this.revocations = revocations;
    }

    @PostMapping("/api/v1/screenings/{id}/consent-withdrawal")
    ObjectNode withdraw(@PathVariable UUID id, @SchemaBody("consent-withdrawal") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        List<UUID> revoked = revocations.screeningConsentWithdrawn(officer, id, body.get("reason").asString());
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("screeningId", id.toString());
        ArrayNode ids = view.putArray("revokedReferrals");
        revoked.forEach(r -> ids.add(r.toString()));
        return view;
    }
}
