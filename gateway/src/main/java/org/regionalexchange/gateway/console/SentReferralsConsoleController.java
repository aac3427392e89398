package org.regionalexchange.gateway.console;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.referral.ReferralDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sending office's screens (docs/referrals.md §2), for the screener and the registrar alike:
 * the referrals the agency sent, newest first, by status, each with its delivery; one referral as
 * its sender sees it, with its history, the consent as given, the slip, and revocation while the
 * referral is open. Through {@link ReferralDesk}, the same services as {@code GET /api/v1/referrals}
 * and {@code POST /api/v1/referrals/{id}/revocation}: the service judges the agency and the step.
 */
@Controller
@RequestMapping("/console/referrals/sent")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class SentReferralsConsoleController {

    private final ReferralDesk referrals;
    private final ParticipantRegistry registry;
    private final ConsoleProperties properties;

    SentReferralsConsoleController(ReferralDesk referrals, ParticipantRegistry registry, ConsoleProperties properties) {
        this.referrals = referrals;
        this.registry = registry;
        this.properties = properties;
    }

    @GetMapping
    String sent(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReferralDesk.statuses());
        try {
            model.addAttribute("sent", ReferralPage.of(referrals.sent(user.officer(), status, page, properties.pageSize())));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/referrals/sent";
    }

    @GetMapping("/{id}")
    String referral(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        try {
            model.addAttribute("referral", referrals.read(user.officer(), id));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        describe(id, model);
        return "console/referrals/sent-referral";
    }

    /**
     * Revokes through the same service as the API. With htmx the referral's state is replaced in
     * place; without JavaScript a redirect to the page after the revocation, or the page with the
     * refusal and the reason as typed.
     */
    @PostMapping("/{id}/revocation")
    String revoke(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ConsoleUser user, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        try {
            ObjectNode after = referrals.revoke(user.officer(), id, reason);
            if (htmx == null) {
                redirect.addFlashAttribute("done", "referralStep.done.REVOKED");
                return "redirect:/console/referrals/sent/" + id;
            }
            model.addAttribute("referral", after);
            model.addAttribute("done", "referralStep.done.REVOKED");
        } catch (ApiException e) {
            model.addAttribute("stepProblem", ConsoleModel.ShownProblem.of(e));
            model.addAttribute("typed", Map.of("reason", reason));
            try {
                model.addAttribute("referral", referrals.read(user.officer(), id));
            } catch (ApiException unreadable) {
                model.addAttribute("problem", ConsoleModel.ShownProblem.of(unreadable));
            }
        }
        describe(id, model);
        return htmx != null ? "console/referrals/sent-referral :: state" : "console/referrals/sent-referral";
    }

    @GetMapping("/{id}/slip")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale) {
        return ReferralSlipAnswer.of(referrals, user.officer(), id, locale, "/console/referrals/sent/" + id);
    }

    /** What the page shows besides the referral: whether it may still be revoked, the receiving node. */
    private void describe(UUID id, Model model) {
        model.addAttribute("referralId", id);
        boolean revocable = false;
        String toNode = "";
        if (model.getAttribute("referral") instanceof JsonNode referral) {
            revocable = ReferralDesk.revocable(referral.path("status").asString());
            toNode = registry.agency(referral.path("toAgency").asString()).map(Agency::node).orElse("");
        }
        model.addAttribute("revocable", revocable);
        model.addAttribute("toNode", toNode);
    }
}
