package org.regionalexchange.gateway.referral;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/referrals}: a screener or registrar refers one person; the sending and the
 * receiving agency read it; the receiver's registrar moves it through its lifecycle and the sender
 * may revoke it while it is open (roles by the security table; agencies here).
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

    private static final int MAX_SIZE = 100;

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    ResponseEntity<ObjectNode> send(@SchemaBody("referral") JsonNode body, @AuthenticationPrincipal Officer officer) {
        ObjectNode sent = referrals.send(officer, body);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + sent.get("id").asString())).body(sent);
    }

    @GetMapping
    ObjectNode list(@RequestParam(defaultValue = "outgoing") String direction,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal Officer officer) {
        if (!direction.equals("outgoing") && !direction.equals("incoming")) {
            throw badParameter("direction", "expected outgoing or incoming");
        }
        ReferralStatus wanted = ReferralStatus.ofParameter(status);
        if (page < 0 || page > 100_000) {
            throw badParameter("page", "between 0 and 100000");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw badParameter("size", "between 1 and " + MAX_SIZE);
        }
        return referrals.list(officer, direction, wanted, page, size);
    }

    @GetMapping("/{id}")
    ObjectNode read(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return referrals.read(officer, id);
    }

    @PostMapping("/{id}/acknowledgement")
    ObjectNode acknowledge(@PathVariable UUID id, @SchemaBody("referral-step") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        return referrals.step(officer, id, ReferralStatus.RECEIVED, body);
    }

    @PostMapping("/{id}/acceptance")
    ObjectNode accept(@PathVariable UUID id, @SchemaBody("referral-step") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        return referrals.step(officer, id, ReferralStatus.ACCEPTED, body);
    }

    @PostMapping("/{id}/decline")
    ObjectNode decline(@PathVariable UUID id, @SchemaBody("referral-step") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        return referrals.step(officer, id, ReferralStatus.DECLINED, body);
    }

    @PostMapping("/{id}/completion")
    ObjectNode complete(@PathVariable UUID id, @SchemaBody("referral-step") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        return referrals.step(officer, id, ReferralStatus.COMPLETED, body);
    }

    @PostMapping("/{id}/revocation")
    ObjectNode revoke(@PathVariable UUID id, @SchemaBody("referral-step") JsonNode body,
            @AuthenticationPrincipal Officer officer) {
        return referrals.step(officer, id, ReferralStatus.REVOKED, body);
    }

    private static ApiException badParameter(String name, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, "Invalid query parameter " + name + ".",
                List.of(new FieldError(name, message)));
    }
}
