package org.regionalexchange.gateway.console;

import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.liaison.LiaisonDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import tools.jackson.databind.node.ObjectNode;

/**
 * The UNHCR liaison's screens: the records a consent in force shares with the liaison's
 * organization, and one record's consented categories. Through {@link LiaisonDesk}, the same
 * service as {@code /api/v1/liaison/records}: consent and review decide what is shown.
 */
@Controller
@RequestMapping("/console/liaison")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class LiaisonConsoleController {

    private final LiaisonDesk liaison;

    LiaisonConsoleController(LiaisonDesk liaison) {
        this.liaison = liaison;
    }

    @GetMapping("/records")
    String records(@AuthenticationPrincipal ConsoleUser user, Model model) {
        try {
            model.addAttribute("records", liaison.covered(user.officer()));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/liaison/records";
    }

    @GetMapping("/records/{id}")
    String record(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        try {
            ObjectNode view = liaison.view(user.officer(), id);
            model.addAttribute("record", view);
            model.addAttribute("shown", OfficerConsoleController.released(view.path("categories")));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        model.addAttribute("recordId", id);
        return "console/liaison/record";
    }
}
