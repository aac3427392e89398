package org.regionalexchange.gateway.referral;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.CompactJws;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /exchange/v1/referrals}: referrals and their steps between nodes. The caller is the node
 * whose key signed the envelope, never a token; the answer is a signed receipt
 * ({@code application/jose}) or a problem.
 */
@RestController
class ReferralExchangeController {

    private static final MediaType JOSE = MediaType.parseMediaType(ReferralMessages.JOSE);

    private final InboundReferrals inbound;

    ReferralExchangeController(InboundReferrals inbound) {
        this.inbound = inbound;
    }

    @PostMapping(path = "/exchange/v1/referrals", consumes = ReferralMessages.JOSE)
    ResponseEntity<String> referral(@RequestBody byte[] body) {
        return ResponseEntity.ok().contentType(JOSE).body(inbound.referral(compact(body)));
    }

    @PostMapping(path = "/exchange/v1/referrals/{id}/steps", consumes = ReferralMessages.JOSE)
    ResponseEntity<String> step(@PathVariable UUID id, @RequestBody byte[] body) {
        return ResponseEntity.ok().contentType(JOSE).body(inbound.step(id, compact(body)));
    }

    private static String compact(byte[] body) {
        if (body.length > CompactJws.MAX_LENGTH) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "The envelope exceeds " + CompactJws.MAX_LENGTH + " bytes.");
        }
        return new String(body, StandardCharsets.US_ASCII).trim();
    }
}
