package org.regionalexchange.gateway.checkpoints;

import java.nio.charset.StandardCharsets;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.signing.CompactJws;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /exchange/v1/checkpoints}: a peer's signed checkpoint query, answered with a signed
 * envelope ({@code application/jose}). Authenticated by the envelope's signature, never by a token.
 */
@RestController
class CheckpointExchangeController {

    private static final MediaType JOSE = MediaType.parseMediaType(CheckpointMessages.JOSE);

    private final CheckpointAnswers answers;

    CheckpointExchangeController(CheckpointAnswers answers) {
        this.answers = answers;
    }

    @PostMapping(path = "/exchange/v1/checkpoints", consumes = CheckpointMessages.JOSE)
    ResponseEntity<String> query(@RequestBody byte[] body) {
        if (body.length > CompactJws.MAX_LENGTH) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "The envelope exceeds " + CompactJws.MAX_LENGTH + " bytes.");
        }
        String compact = new String(body, StandardCharsets.US_ASCII).trim();
        return ResponseEntity.ok().contentType(JOSE).body(answers.answer(compact));
    }
}
