package org.regionalexchange.gateway.review;

import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/reviews}: a reviewer decides requests against the reviewer's agency (role {@code reviewer}). */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    ObjectNode waiting(@AuthenticationPrincipal Officer reviewer) {
        return reviews.waiting(reviewer);
    }

    /**
     * Request ids are chosen by the requesting nodes: if two nodes used the same id against this
     * agency, {@code requesterNode} (as the queue lists it) says which request is decided.
     */
    @PostMapping("/{requestId}")
    ObjectNode decide(@PathVariable UUID requestId,
            @RequestParam(name = "requesterNode", required = false) String requesterNode,
            @SchemaBody("review-decision") JsonNode body, @AuthenticationPrincipal Officer reviewer) {
        return reviews.decide(reviewer, requestId, requesterNode, body);
    }
}
