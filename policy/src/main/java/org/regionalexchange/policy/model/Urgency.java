package org.regionalexchange.policy.model;

/** How urgent the requester says the request is (schema {@code request.json}); review triggers may name it. */
public enum Urgency {
    ROUTINE,
    URGENT
}
