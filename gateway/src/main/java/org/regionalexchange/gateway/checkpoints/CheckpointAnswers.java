package org.regionalexchange.gateway.checkpoints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.audit.ChainVerifier;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a peer's checkpoint query ({@code POST /exchange/v1/checkpoints}): the envelope must be
 * a fresh query of a registry node addressed to this node; the answer, signed and bound to the
 * query by its digest, carries whether this node's log verifies now, a new checkpoint of it, the
 * hashes the log has now at the positions of the checkpoint the peer holds, and the latest
 * checkpoint of the peer held here. The query changes nothing here, so a replayed one is harmless:
 * it gets a fresh answer addressed to the node that signed it.
 */
@Component
class CheckpointAnswers {

    private static final Logger log = LoggerFactory.getLogger(CheckpointAnswers.class);

    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final CheckpointSigner checkpoints;
    private final ChainVerifier chain;
    private final PeerCheckpoints peers;
    private final JsonSchemas schemas;
    private final AccessLog accessLog;
    private final TransactionTemplate transactions;
    private final NodeProperties node;
    private final JsonMapper json;
    private final Clock clock;

    CheckpointAnswers(EnvelopeVerifier verifier, EnvelopeSigner signer, CheckpointSigner checkpoints,
            ChainVerifier chain, PeerCheckpoints peers, JsonSchemas schemas, AccessLog accessLog,
            TransactionTemplate transactions, NodeProperties node, JsonMapper json, Clock clock) {
        this.verifier = verifier;
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.chain = chain;
        this.peers = peers;
        this.schemas = schemas;
        this.accessLog = accessLog;
        this.transactions = transactions;
        this.node = node;
        this.json = json;
        this.clock = clock;
    }

    String answer(String compact) {
        Instant now = clock.instant();
        VerifiedEnvelope query;
        try {
            query = verifier.verify(compact, CheckpointMessages.QUERY, now);
        } catch (EnvelopeRejectedException e) {
            throw refused(null, ErrorCode.valueOf("ENVELOPE_" + e.reason().name()), "The envelope was refused ("
                    + e.reason().code() + ").");
        }
        var errors = schemas.validate("checkpoint-query", query.payload());
        if (!errors.isEmpty()) {
            log.warn("checkpoint query refused code=schema_violation sender={}", query.senderNode());
            refusedLog(query.senderNode(), ErrorCode.SCHEMA_VIOLATION.code());
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION, "The query does not match its schema.", errors);
        }
        SignedCheckpoint held = null;
        if (query.payload().hasNonNull("held")) {
            try {
                held = SignedCheckpoint.verify(query.payload().get("held").asString(), verifier, schemas).of(node.id());
            } catch (ApiException e) {
                throw refused(query.senderNode(), e.errorCode(), "The checkpoint held is not one of this node's.");
            }
        }
        ChainVerifier.Verification verified = chain.verify();
        ObjectNode answer = json.createObjectNode();
        answer.put("queryDigest", query.digest());
        ObjectNode state = answer.putObject("chain").put("valid", verified.valid());
        if (verified.valid()) {
            answer.put("checkpoint", checkpoints.sign(verified).compact());
        } else {
            state.put("firstBrokenEventId", verified.firstBrokenEventId()).put("problem", verified.problem());
            log.warn("checkpoint query answered with a broken chain sender={} firstBrokenEventId={} problem={}",
                    query.senderNode(), verified.firstBrokenEventId(), verified.problem());
        }
        var witness = answer.putArray("witness");
        if (held != null) {
            chain.hashesAt(held.lanes()).forEach(h -> {
                ObjectNode w = witness.addObject().put("lane", h.lane()).put("eventId", h.eventId());
                if (h.hash() == null) {
                    w.putNull("hash");
                } else {
                    w.put("hash", h.hash());
                }
            });
        }
        peers.latestConsistent(query.senderNode()).ifPresent(mine -> answer.put("heldOfYou", mine));
        return signer.sign(CheckpointMessages.ANSWER, query.senderNode(), answer, now);
    }

    private ApiException refused(String sender, ErrorCode code, String detail) {
        log.warn("checkpoint query refused code={} sender={}", code.code(), sender);
        refusedLog(sender, code.code());
        return new ApiException(code, detail);
    }

    /** A refused envelope is in the access log, as every refused envelope of another node. */
    private void refusedLog(String sender, String code) {
        transactions.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(),
                sender == null ? "node:unknown" : "node:" + sender, null, node.id(), AccessAction.ENVELOPE_REFUSED,
                null, AccessEvent.REFUSED, List.of(code))));
    }
}
