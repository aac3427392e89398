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

    /** Far past any real queue; keeps the offset of a made-up page number in range. */
    private static final long LAST_PAGE = 1_000_000;

    private final ReviewDesk reviews;
    private final ConsoleProperties properties;

    ReviewerConsoleController(ReviewDesk reviews, ConsoleProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    /** One page of the queue ({@code gateway.console.page-size} items), oldest first. */
    @GetMapping("/queue")
    String queue(@RequestParam(defaultValue = "0") long page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        long shown = Math.min(Math.max(page, 0), LAST_PAGE);
        ObjectNode waiting = reviews.waiting(user.officer(), shown, properties.pageSize());
        long total = waiting.path("total").asLong();
        model.addAttribute("queue", waiting.path("reviews"));
        model.addAttribute("total", total);
        model.addAttribute("page", shown);
        model.addAttribute("hasEarlier", shown > 0);
        model.addAttribute("hasLater", (shown + 1) * properties.pageSize() < total);
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
