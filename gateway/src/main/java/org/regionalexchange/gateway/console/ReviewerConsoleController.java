package org.regionalexchange.gateway.console;

import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.review.ReviewDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

import tools.jackson.databind.node.ObjectNode;

/**
 * The reviewer's screens: the queue of requests against the agency that wait, why each waits and
 * what approval would release, and the decision. Through {@link ReviewDesk}, the same service as
 * {@code /api/v1/reviews}.
 */
@Controller
@RequestMapping("/console/reviewer")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ReviewerConsoleController {

    private final ReviewDesk reviews;

    ReviewerConsoleController(ReviewDesk reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/queue")
    String queue(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("queue", reviews.waiting(user.officer()).path("reviews"));
        return "console/reviewer/queue";
    }

    /** Decides one request; htmx replaces the item with the result, a plain form returns to the queue. */
    @PostMapping("/queue/{requestId}")
    String decide(@PathVariable UUID requestId, @RequestParam String requesterNode, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal ConsoleUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("requestId", requestId);
        try {
            ObjectNode decided = reviews.decide(user.officer(), requestId, requesterNode, decision, note.strip());
            model.addAttribute("decided", decided);
            redirect.addFlashAttribute("decidedId", requestId.toString());
            redirect.addFlashAttribute("decidedOutcome", decided.path("outcome").asString());
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
            redirect.addFlashAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return htmx != null ? "console/reviewer/queue :: decided" : "redirect:/console/reviewer/queue";
    }
}
