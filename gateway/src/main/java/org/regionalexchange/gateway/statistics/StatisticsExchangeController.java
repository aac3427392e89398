package org.regionalexchange.gateway.statistics;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exchange/v1/statistics}: this node's signed statistics for another node of the
 * registry, which authenticates by its signed query ({@code Authorization: Signed <jws>}), never by
 * a token. The answer is a signed envelope ({@code application/jose}) bound to the query.
 */
@RestController
class StatisticsExchangeController {

    private static final MediaType JOSE = MediaType.parseMediaType(NodeClient.JOSE);

    private final StatisticsEnvelopes envelopes;

    StatisticsExchangeController(StatisticsEnvelopes envelopes) {
        this.envelopes = envelopes;
    }

    @GetMapping("/exchange/v1/statistics")
    ResponseEntity<String> statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        return ResponseEntity.ok().contentType(JOSE).body(envelopes.answer(authorization, from, to));
    }
}
