package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One access-log event: who ({@code actor}, {@code agency}) did what ({@code action}) to which
 * record, on which node, with what outcome and why ({@code reasonCodes}, stable snake_case codes).
 * Events of an exchange carry its {@link ExchangeDetail} (request id, other party, purpose,
 * justification, categories, digests).
 *
 * @param recordId the subject record concerned, or null
 * @param outcome  {@code OK}, {@code REFUSED} or an exchange outcome ({@code RELEASED}, ...)
 * @param exchange the exchange this event belongs to, or null
 */
public record AccessEvent(Instant occurredAt, String actor, String agency, String nodeId, AccessAction action,
        UUID recordId, String outcome, List<String> reasonCodes, ExchangeDetail exchange) {

    public static final String OK = "OK";
    public static final String REFUSED = "REFUSED";

    public AccessEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        reasonCodes = List.copyOf(reasonCodes);
        for (String code : reasonCodes) {
            if (!code.matches("[a-z][a-z0-9_]{0,59}")) {
                throw new IllegalArgumentException("Reason code '" + code + "' is not snake_case");
            }
        }
    }

    /** An event outside an exchange. */
    public AccessEvent(Instant occurredAt, String actor, String agency, String nodeId, AccessAction action,
            UUID recordId, String outcome, List<String> reasonCodes) {
        this(occurredAt, actor, agency, nodeId, action, recordId, outcome, reasonCodes, null);
    }
}
