package org.regionalexchange.gateway.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.exchange.ReviewQueue;
import org.regionalexchange.gateway.exchange.ReviewQueue.Entry;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.ReviewVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Human review at the holder (docs/design.md §6 step 9): requests about a child, about specific
 * needs, or matching a configured trigger wait here for a reviewer of the holder agency. The
 * reviewer's approval is applied to a fresh decision, so it can never release what the rules
 * withhold, and a consent withdrawn meanwhile takes effect. The ledger, the decisions and the signed
 * answers are the exchange's ({@link ReviewQueue}); this service says who decides which request.
 */
@Service
class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewQueue queue;
    private final JsonMapper json;
    private final Clock clock;

    ReviewService(ReviewQueue queue, JsonMapper json, Clock clock) {
        this.queue = queue;
        this.json = json;
        this.clock = clock;
    }

    /** The requests against the reviewer's agency that wait for review, oldest first. */
    ObjectNode waiting(Officer reviewer) {
        return listed(queue.waiting(reviewer));
    }

    /**
     * One page of them ({@code page} from 0), with {@code total}, {@code page} and {@code size}: each
     * item is judged again to say why it waits, so a page costs its items, not the whole queue.
     */
    ObjectNode waiting(Officer reviewer, long page, int size) {
        ObjectNode body = listed(queue.waiting(reviewer, page * size, size));
        body.put("total", queue.countWaiting(reviewer.agency()));
        body.put("page", page);
        body.put("size", size);
        return body;
    }

    private ObjectNode listed(List<ReviewQueue.Queued> waiting) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("reviews");
        for (ReviewQueue.Queued queued : waiting) {
            // As accepted on arrival (not verified again for a listing): a decision authenticates it again.
            Entry received = queued.entry();
            JsonNode request = queued.request();
            ObjectNode item = list.addObject();
            item.put("requestId", received.requestId().toString());
            item.put("receivedAt", received.receivedAt().toString());
            item.put("requesterNode", received.requesterNode());
            item.put("requesterAgency", received.requesterAgency());
            item.put("subjectRecordId", received.subjectRecordId() == null ? null : received.subjectRecordId().toString());
            if (received.subjectRecordVersion() != null) {
                item.put("subjectRecordVersion", received.subjectRecordVersion());
            }
            if (!queued.readable()) {
                // Fail closed: a stored request or record that cannot be read is shown as such, never as releasable.
                item.put("unreadable", true);
                item.putArray("wouldRelease");
                continue;
            }
            for (String field : new String[] {"purpose", "legalBasis", "requesterCaseRef", "justification", "urgency"}) {
                if (request.has(field)) {
                    item.set(field, request.get(field));
                }
            }
            item.set("categories", request.get("categories"));
            ArrayNode why = item.putArray("reviewReasons");
            Decision current = queued.decisionNow();
            // The reviewer sees why it waits, and that the record judged on arrival changed since.
            current.internalReason().filter(r -> r == ReasonCode.SUBJECT_CHANGED).ifPresent(r -> why.add(r.code()));
            current.internalDetails().stream().map(d -> d.code().code()).filter(c -> c.startsWith("review_"))
                    .distinct().forEach(why::add);
            // What approval would release as things stand now (consents, holds, the record); the
            // approval itself decides again.
            ArrayNode release = item.putArray("wouldRelease");
            queued.wouldRelease().forEach(category -> release.add(category.name()));
        }
        return body;
    }

    /**
     * Applies the reviewer's decision and stores the final, signed answer for the requester node.
     * The answer is of the record judged when the request arrived, at that version, or nothing.
     */
    ObjectNode decide(Officer reviewer, UUID requestId, String requesterNode, JsonNode body) {
        List<Entry> matching = queue.forHolder(requestId, reviewer.agency(), requesterNode);
        if (matching.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such request against your agency.");
        }
        List<Entry> waiting = matching.stream().filter(Entry::waiting).toList();
        if (waiting.isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "This request is not waiting for review.");
        }
        if (waiting.size() > 1) {
            throw new ApiException(ErrorCode.CONFLICT, "Requests from " + waiting.size()
                    + " nodes carry this id; name one with ?requesterNode= as the review queue lists it.");
        }
        Entry received = waiting.get(0);
        ReviewVerdict verdict = ReviewVerdict.valueOf(body.get("decision").asString());
        Instant now = clock.instant();
        ObjectNode record = json.createObjectNode();
        record.put("decision", verdict.name());
        record.put("reviewer", reviewer.subject());
        record.put("note", body.get("note").asString());
        record.put("at", now.toString());
        Decision decision = queue.settle(received, reviewer, verdict, record.toString(), now).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "This request was decided by another reviewer meanwhile."));
        log.info("review decided requestId={} agency={} verdict={} outcome={}", requestId, reviewer.agency(), verdict,
                decision.outcome());
        ObjectNode answer = json.createObjectNode();
        answer.put("requestId", requestId.toString());
        answer.put("requesterNode", received.requesterNode());
        answer.put("decision", verdict.name());
        answer.put("outcome", decision.outcome().name());
        // The holder's reviewer may know why nothing is released (never sent to the requester).
        decision.internalReason().ifPresent(r -> answer.put("internalReason", r.code()));
        return answer;
    }
}
