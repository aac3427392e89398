package org.regionalexchange.gateway.checkpoints;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.regionalexchange.gateway.validation.ApiProperties;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-protection officer's checkpoints, for {@code /api/v1/audit/checkpoints} and the console
 * alike: sign one for safekeeping, check the log against one kept earlier, and check it against
 * the checkpoints the peers hold of this node. Each view is logged before it is answered.
 */
@Component
public class CheckpointDesk {

    private final ChainVerifier chain;
    private final CheckpointSigner signer;
    private final CheckpointGossip gossip;
    private final EnvelopeVerifier verifier;
    private final JsonSchemas schemas;
    private final AccessLog accessLog;
    private final TransactionTemplate transactions;
    private final NodeProperties node;
    private final JsonMapper strictJson;
    private final int maxBodyBytes;
    private final Clock clock;

    CheckpointDesk(ChainVerifier chain, CheckpointSigner signer, CheckpointGossip gossip, EnvelopeVerifier verifier,
            JsonSchemas schemas, AccessLog accessLog, TransactionTemplate transactions, NodeProperties node,
            JsonMapper json, ApiProperties api, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.gossip = gossip;
        this.verifier = verifier;
        this.schemas = schemas;
        this.accessLog = accessLog;
        this.transactions = transactions;
        this.node = node;
        // As the API reads a body: a duplicate key or trailing content is malformed.
        this.strictJson = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        this.maxBodyBytes = api.maxBodyBytes();
        this.clock = clock;
    }

    /**
     * A checkpoint of the lanes' heads, signed with the node's active key (JWS, typ
     * {@code gateway-checkpoint+jwt}), for safekeeping outside this node: the claims, {@code keyId}
     * and the JWS as {@code checkpoint}. Only a chain that verifies is checkpointed
     * ({@code CONFLICT} otherwise).
     */
    public ObjectNode sign(Officer dpo) {
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
    public record CheckpointCheck(String nodeId, String keyId, Instant at, long headEventId, String headHash,
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
     * Checks the log against a checkpoint this node signed earlier, given as the export gave it (or
     * as {@code { "checkpoint": "<jws>" }}), a document of schema {@code checkpoint-export}: the
     * signature against the registry, then every lane head it names against the log, which must
     * also verify from there on.
     */
    public CheckpointCheck verify(Officer dpo, JsonNode export) {
        var errors = schemas.validate("checkpoint-export", export);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the body do not match schema 'checkpoint-export'.", errors);
        }
        SignedCheckpoint checkpoint = SignedCheckpoint.verify(export.get("checkpoint").asString(), verifier, schemas);
        requireSameAsSigned(export, checkpoint);
        checkpoint.of(node.id());
        CheckpointCheck check = CheckpointCheck.of(checkpoint, chain.extension(checkpoint.lanes()));
        log(dpo, AccessAction.CHECKPOINT_VERIFIED,
                check.extendsCheckpoint() ? List.of() : List.of(check.firstBreak().problem()));
        return check;
    }

    /**
     * {@link #verify(Officer, JsonNode)} of a checkpoint given as text (a file or what was pasted):
     * the export's JSON, read as strictly as the API reads a body and within the same size, or the
     * JWS alone, which is the export {@code { "checkpoint": "<jws>" }}.
     */
    public CheckpointCheck verify(Officer dpo, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "The checkpoint exceeds " + maxBodyBytes + " bytes.");
        }
        String given = text.strip();
        if (given.isEmpty()) {
            throw new ApiException(ErrorCode.MALFORMED_BODY, "No checkpoint was given.");
        }
        if (!given.startsWith("{")) {
            return verify(dpo, strictJson.createObjectNode().put("checkpoint", given));
        }
        JsonNode export;
        try {
            export = strictJson.readTree(given);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(ErrorCode.MALFORMED_BODY, "The checkpoint is not well-formed JSON" + where + ".");
        }
        return verify(dpo, export);
    }

    /** The checkpoint of this node that one peer holds, and whether the log still extends it. */
    public record PeerHolding(String peer, String round, String heldKeyId, Instant heldAt, Long heldHeadEventId,
            String heldHeadHash, Boolean extendsCheckpoint, FirstBreak firstBreak) {
    }

    public record PeerHoldings(String nodeId, Instant at, List<PeerHolding> peers) {
    }

    /**
     * Runs a gossip round now and checks the log against the latest checkpoint of this node that
     * each peer holds: a peer's copy is out of reach of this node's database superuser.
     */
    public PeerHoldings peers(Officer dpo) {
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
    private static final Comparator<JsonNode> NUMERICALLY = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private void log(Officer dpo, AccessAction action, List<String> problems) {
        transactions.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(), dpo.subject(),
                dpo.agency(), node.id(), action, null, problems.isEmpty() ? AccessEvent.OK : "BROKEN", problems)));
    }
}
