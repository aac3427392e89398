package org.regionalexchange.gateway.review;

import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reviewer's side for callers other than the API's controllers (the console): the same queue
 * and the same decision, with the same schema check as {@code POST /api/v1/reviews/{id}}.
 */
@Service
public class ReviewDesk {

    private final ReviewService reviews;
    private final JsonSchemas schemas;
    private final JsonMapper json;

    ReviewDesk(ReviewService reviews, JsonSchemas schemas, JsonMapper json) {
        this.reviews = reviews;
        this.schemas = schemas;
        this.json = json;
    }

    /** The requests against the reviewer's agency that wait, with why (as {@code GET /api/v1/reviews}). */
    public ObjectNode waiting(Officer reviewer) {
        return reviews.waiting(reviewer);
    }

    /**
     * One page of the queue, oldest first ({@code page} from 0, {@code size} items), with
     * {@code total}, {@code page} and {@code size}: the console's screen, which must stay fast and
     * light with a thousand requests waiting (docs/performance.md P7).
     */
    public ObjectNode waiting(Officer reviewer, long page, int size) {
        return reviews.waiting(reviewer, page, size);
    }

    /** Approves or refuses ({@code APPROVE}, {@code REJECT}) with the reviewer's note. */
    public ObjectNode decide(Officer reviewer, UUID requestId, String requesterNode, String decision, String note) {
        ObjectNode body = json.createObjectNode();
        body.put("decision", decision);
        body.put("note", note);
        var errors = schemas.validate("review-decision", body);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the decision do not match schema 'review-decision'.", errors);
        }
        return reviews.decide(reviewer, requestId, requesterNode, body);
    }
}
