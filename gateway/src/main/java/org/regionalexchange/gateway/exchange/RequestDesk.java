package org.regionalexchange.gateway.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer's side of an exchange for callers other than the API's controllers (the console):
 * the same schema check as {@code POST /api/v1/requests}, then the same {@link OutboundExchange}.
 * No rule of its own.
 */
@Service
public class RequestDesk {

    /** One request the agency sent, as listed: no personal data. */
    public record SentSummary(UUID id, String holderAgency, String purpose, String status, String outcome,
            Instant createdAt) {
    }

    /** One page of the agency's requests, newest first. */
    public record SentPage(List<SentSummary> requests, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final OutboundExchange exchange;
    private final RequestLedger ledger;
    private final JsonSchemas schemas;

    RequestDesk(OutboundExchange exchange, RequestLedger ledger, JsonSchemas schemas) {
        this.exchange = exchange;
        this.ledger = ledger;
        this.schemas = schemas;
    }

    /** Sends the request (a document of schema {@code request}) as the API does; returns the outcome. */
    public ObjectNode send(Officer officer, JsonNode request) {
        var errors = schemas.validate("request", request);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the request do not match schema 'request'.", errors);
        }
        return exchange.send(officer, request);
    }

    /** The request's current outcome, as {@code GET /api/v1/requests/{id}} (each read is logged). */
    public ObjectNode outcome(Officer officer, UUID id) {
        return exchange.status(officer, id);
    }

    /** Page {@code page} (from 0) of the requests the officer's agency sent. */
    public SentPage sent(Officer officer, int page, int size) {
        int safePage = Math.max(0, page);
        return new SentPage(ledger.sentBy(officer.agency(), safePage * size, size), safePage, size,
                ledger.countSentBy(officer.agency()));
    }
}
