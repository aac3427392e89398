package org.regionalexchange.gateway.checkpoints;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.audit.ChainVerifier;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-protection officer's checkpoints (role {@code dpo}, checked by the security table):
 * sign one for safekeeping, check the log against one kept earlier, and check it against the
 * checkpoints the peers hold of this node. Each view is logged before it is answered.
 */
@RestController
class CheckpointController {

    private final ChainVerifier chain;
    private final CheckpointSigner signer;
    private final CheckpointGossip gossip;
    private final EnvelopeVerifier verifier;
    private final JsonSchemas schemas;
    private final AccessLog accessLog;
    private final TransactionTemplate transactions;
    private final NodeProperties node;
    private final Clock clock;

    CheckpointController(ChainVerifier chain, CheckpointSigner signer, CheckpointGossip gossip,
            EnvelopeVerifier verifier, JsonSchemas schemas, AccessLog accessLog, TransactionTemplate transactions,
            NodeProperties node, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.gossip = gossip;
        this.verifier = verifier;
        this.schemas = schemas;
        this.accessLog = accessLog;
        this.transactions = transactions;
        this.node = node;
        this.clock = clock;
    }

    /**
     * A checkpoint of the lanes' heads, signed with the node's active key (JWS, typ
     * {@code gateway-checkpoint+jwt}), for safekeeping outside this node. Only a chain that verifies
     * is checkpointed.
     */
    @PostMapping("/api/v1/audit/checkpoints")
    ObjectNode checkpoint(@AuthenticationPrincipal Officer dpo) {
        ChainVerifier.Verification result = chain.verify();
        if (!result.valid()) {
            throw new ApiException(ErrorCode.CONFLICT, "The chain does not verify (first broken event "
                    + result.firstBrokenEventId() + "); no checkpoint is signed. Run GET /api/v1/audit/verify.");
        }
        CheckpointSigner.Signed signed = signer.sign(result);
        log(dpo, AccessAction.CHECKPOINT_SIGNED, List.of());
        return signed.export();
    }

    /** Whether a checkpoint of this node is genuine, and whether the log as it is now still extends it. */
    record CheckpointCheck(String nodeId, String keyId, Instant at, long headEventId, String headHash,
            boolean signatureValid, boolean extendsCheckpoint, FirstBreak firstBreak, boolean chainValid) {

        static CheckpointCheck of(SignedCheckpoint checkpoint, ChainVerifier.Extension extension) {
            FirstBreak first = extension.extendsCheckpoint() ? null
                    : new FirstBreak(extension.lane(), extension.eventId(), extension.problem());
            return new CheckpointCheck(checkpoint.nodeId(), checkpoint.kid(), checkpoint.at(),
                    checkpoint.headEventId(), checkpoint.headHash(), true, extension.extendsCheckpoint(), first,
                    extension.chain().valid());
        }
    }

    /**
     * Checks the log against a checkpoint this node signed earlier, sent as the export gave it (or
     * as {@code { "checkpoint": "<jws>" }}): the signature against the registry, then every lane
     * head it names against the log, which must also verify from there on.
     */
    @PostMapping("/api/v1/audit/checkpoints/verify")
    CheckpointCheck verify(@SchemaBody("checkpoint-export") JsonNode body, @AuthenticationPrincipal Officer dpo) {
        SignedCheckpoint checkpoint = SignedCheckpoint.verify(body.get("checkpoint").asString(), verifier, schemas);
        requireSameAsSigned(body, checkpoint);
        checkpoint.of(node.id());
        CheckpointCheck check = CheckpointCheck.of(checkpoint, chain.extension(checkpoint.lanes()));
        log(dpo, AccessAction.CHECKPOINT_VERIFIED,
                check.extendsCheckpoint() ? List.of() : List.of(check.firstBreak().problem()));
        return check;
    }

    /** The checkpoint of this node that one peer holds, and whether the log still extends it. */
    record PeerHolding(String peer, String round, String heldKeyId, Instant heldAt, Long heldHeadEventId,
            String heldHeadHash, Boolean extendsCheckpoint, FirstBreak firstBreak) {
    }

    record PeerHoldings(String nodeId, Instant at, List<PeerHolding> peers) {
    }

    /**
     * Runs a gossip round now and checks the log against the latest checkpoint of this node that
     * each peer holds: a peer's copy is out of reach of this node's database superuser.
     */
    @GetMapping("/api/v1/audit/checkpoints/peers")
    PeerHoldings peers(@AuthenticationPrincipal Officer dpo) {
        List<PeerHolding> holdings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PeerRound round : gossip.round()) {
            SignedCheckpoint mine = round.heldOfYou();
            if (mine == null) {
                holdings.add(new PeerHolding(round.peer(), round.outcome().name(), null, null, null, null, null, null));
                continue;
            }
            CheckpointCheck check = CheckpointCheck.of(mine, chain.extension(mine.lanes()));
            if (!check.extendsCheckpoint()) {
                problems.add(check.firstBreak().problem());
            }
            holdings.add(new PeerHolding(round.peer(), round.outcome().name(), mine.kid(), mine.at(),
                    mine.headEventId(), mine.headHash(), check.extendsCheckpoint(), check.firstBreak()));
        }
        log(dpo, AccessAction.PEER_CHECKPOINTS_VERIFIED, problems.stream().distinct().toList());
        return new PeerHoldings(node.id(), clock.instant(), holdings);
    }

    /** The fields beside {@code checkpoint} are for reading; they must say what the signature says. */
    private static void requireSameAsSigned(JsonNode body, SignedCheckpoint checkpoint) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (field.equals("checkpoint")) {
                continue;
            }
            JsonNode signed = field.equals("keyId") ? checkpoint.claims().stringNode(checkpoint.kid())
                    : checkpoint.claims().get(field);
            if (signed == null || !signed.equals(NUMERICALLY, body.get(field))) {
                errors.add(new FieldError(field, "differs from the signed checkpoint"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.CHECKPOINT_MALFORMED,
                    "Fields beside 'checkpoint' differ from what it signs; send the export as it was given.", errors);
        }
    }

    /** JSON equality in which 5 and 5.0, or an int and a long, are the same number. */
    private static final java.util.Comparator<JsonNode> NUMERICALLY = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private void log(Officer dpo, AccessAction action, List<String> problems) {
        transactions.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(), dpo.subject(),
                dpo.agency(), node.id(), action, null, problems.isEmpty() ? AccessEvent.OK : "BROKEN", problems)));
    }
}
