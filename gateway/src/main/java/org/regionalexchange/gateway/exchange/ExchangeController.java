package org.regionalexchange.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.CompactJws;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /exchange/v1}: the node-to-node API. Callers authenticate by the signature of each
 * envelope, never by a token; the answers are signed envelopes ({@code application/jose}).
 */
@RestController
@RequestMapping("/exchange/v1/requests")
class ExchangeController {

    static final MediaType JOSE = MediaType.parseMediaType(HolderClient.JOSE);

    private final InboundExchange inbound;
    private final ReviewQueries queries;

    ExchangeController(InboundExchange inbound, ReviewQueries queries) {
        this.inbound = inbound;
        this.queries = queries;
    }

    @PostMapping(consumes = HolderClient.JOSE)
    ResponseEntity<String> request(@org.springframework.web.bind.annotation.RequestBody byte[] body) {
        if (body.length > CompactJws.MAX_LENGTH) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "The envelope exceeds " + CompactJws.MAX_LENGTH + " bytes.");
        }
        String compact = new String(body, StandardCharsets.US_ASCII).trim();
        return ResponseEntity.ok().contentType(JOSE).body(inbound.receive(compact));
    }

    /** The requester node's signed query for a decision that was pending review. */
    @GetMapping("/{id}")
    ResponseEntity<String> pending(@PathVariable UUID id,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (authorization == null || !authorization.startsWith("Signed ")) {
            throw new ApiException(ErrorCode.ENVELOPE_MALFORMED, "Send the signed query as 'Authorization: Signed <jws>'.");
        }
        return ResponseEntity.ok().contentType(JOSE).body(queries.answer(id, authorization.substring(7).trim()));
    }
}
