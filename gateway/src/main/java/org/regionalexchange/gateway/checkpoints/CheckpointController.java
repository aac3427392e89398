package org.regionalexchange.gateway.checkpoints;

import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-protection officer's checkpoints (role {@code dpo}, checked by the security table):
 * sign one for safekeeping, check the log against one kept earlier, and check it against the
 * checkpoints the peers hold of this node. Through {@link CheckpointDesk}, as the console.
 */
@RestController
class CheckpointController {

    private final CheckpointDesk desk;

    CheckpointController(CheckpointDesk desk) {
        this.desk = desk;
    }

    /** The checkpoint export: its claims, {@code keyId} and the JWS as {@code checkpoint}. */
    @PostMapping("/api/v1/audit/checkpoints")
    ObjectNode checkpoint(@AuthenticationPrincipal Officer dpo) {
        return desk.sign(dpo);
    }

    /** Checks the log against a checkpoint sent as the export gave it (or as {@code { "checkpoint": "<jws>" }}). */
    @PostMapping("/api/v1/audit/checkpoints/verify")
    CheckpointDesk.CheckpointCheck verify(@SchemaBody("checkpoint-export") JsonNode body,
            @AuthenticationPrincipal Officer dpo) {
        return desk.verify(dpo, body);
    }

    /** Runs a gossip round now and checks the log against the checkpoints of this node the peers hold. */
    @GetMapping("/api/v1/audit/checkpoints/peers")
    CheckpointDesk.PeerHoldings peers(@AuthenticationPrincipal Officer dpo) {
        return desk.peers(dpo);
    }
}
