package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event is of one kind for the DPO's activity per day, decided by its action and outcome. */
class ActivityKindTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "REQUEST_DECIDED, RELEASED, RELEASED",
            "REQUEST_DECIDED, PARTIALLY_RELEASED, RELEASED",
            "REVIEW_DECIDED, RELEASED, RELEASED",
            "ANSWER_COLLECTED, PARTIALLY_RELEASED, RELEASED",
            "RESPONSE_RECEIVED, RELEASED, RELEASED",
            "REQUEST_DECIDED, NOT_AVAILABLE, REFUSED",
            "REQUEST_DECIDED, REFUSED, REFUSED",
            "REQUEST_DECIDED, PENDING_REVIEW, OTHER",
            "ACCESS_REFUSED, REFUSED, REFUSED",
            "ENVELOPE_REFUSED, REFUSED, REFUSED",
            "REQUEST_REFUSED_BEFORE_SENDING, REFUSED, REFUSED",
            "RECORD_READ, REFUSED, REFUSED",
            "RECORD_READ, OK, READ",
            "LIAISON_VIEW, OK, READ",
            "REVIEW_QUEUE_READ, OK, READ",
            "RECORD_CREATED, OK, OTHER",
            "CONSENT_WITHDRAWN, OK, OTHER",
            "REQUEST_SENT, OK, OTHER",
            "REFERRAL_SENT, OK, OTHER",
            "AUDIT_SEARCHED, OK, OVERSIGHT",
            "CHAIN_VERIFIED, BROKEN, OVERSIGHT",
            "CHECKPOINT_VERIFIED, BROKEN, OVERSIGHT",
            "PEER_CHECKPOINTS_VERIFIED, OK, OVERSIGHT"})
    @DisplayName("an event's kind: the DPO's own views first, then releases and refusals by outcome, then reads")
    void kindOf(String action, String outcome, ActivityKind kind) {
        assertEquals(kind, ActivityKind.of(action, outcome));
    }

    @ParameterizedTest
    @EnumSource(AccessAction.class)
    @DisplayName("every action the log knows, with outcome OK, is of one kind; none is a release or a refusal")
    void everyActionHasAKind(AccessAction action) {
        ActivityKind kind = ActivityKind.of(action.name(), AccessEvent.OK);
        assertEquals(true, kind != ActivityKind.RELEASED && kind != ActivityKind.REFUSED, action + " " + kind);
    }
}
