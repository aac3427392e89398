package org.regionalexchange.gateway.checkpoints;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.regionalexchange.gateway.audit.ChainVerifier.LaneHash;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gossip of checkpoints (the Certificate Transparency idea: whoever holds a log's earlier
 * signed statement can tell when the log stops extending it). Every
 * {@code gateway.checkpoints.gossip-interval}, this node asks each other node of the registry, with
 * a signed query naming the latest checkpoint of that peer it holds, for the peer's new checkpoint
 * and the hashes the peer's log has now at the positions held. A peer whose answer does not extend
 * what it signed before is kept as an inconsistent round: an alert for this node's DPO. Only node
 * ids, times, lane positions, hashes and signatures travel; no personal data. {@link #round()}
 * runs a round at once (tests, and the DPO's {@code GET /api/v1/audit/checkpoints/peers}).
 */
@Component
class CheckpointGossip implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointGossip.class);

    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final EnvelopeSigner signer;
    private final EnvelopeVerifier verifier;
    private final JsonSchemas schemas;
    private final PeerCheckpoints held;
    private final PeerClient client;
    private final CheckpointProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    /** One round at a time, whoever starts it; the schedule itself is guarded by {@code this}. */
    private final Object rounds = new Object();
    private ScheduledExecutorService scheduler;

    CheckpointGossip(ParticipantRegistry registry, NodeProperties node, EnvelopeSigner signer,
            EnvelopeVerifier verifier, JsonSchemas schemas, PeerCheckpoints held, PeerClient client,
            CheckpointProperties properties, JsonMapper json, Clock clock) {
        this.registry = registry;
        this.node = node;
        this.signer = signer;
        this.verifier = verifier;
        this.schemas = schemas;
        this.held = held;
        this.client = client;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** One round now: every other node of the registry, one after another, in id order. */
    List<PeerRound> round() {
        synchronized (rounds) {
            List<PeerRound> found = new ArrayList<>();
            registry.nodes().stream().filter(peer -> !peer.id().equals(node.id()))
                    .sorted((a, b) -> a.id().compareTo(b.id())).forEach(peer -> found.add(exchangeWith(peer)));
            return found;
        }
    }

    private PeerRound exchangeWith(RegisteredNode peer) {
        SignedCheckpoint base = base(peer.id());
        ObjectNode query = json.createObjectNode();
        if (base != null) {
            query.put("held", base.compact());
        }
        String envelope = signer.sign(CheckpointMessages.QUERY, peer.id(), query, clock.instant());
        var answer = client.post(URI.create(peer.baseUrl() + "/exchange/v1/checkpoints"), envelope);
        if (answer.isEmpty()) {
            return PeerRound.nothingLearned(peer.id(), PeerRound.Outcome.UNREACHABLE);
        }
        if (!answer.get().isEnvelope()) {
            log.warn("checkpoint query refused by peer={} status={}", peer.id(), answer.get().status());
            return PeerRound.nothingLearned(peer.id(), PeerRound.Outcome.REFUSED);
        }
        Instant now = clock.instant();
        Optional<Verified> verified = verify(peer.id(), envelope, answer.get().body(), base, now);
        if (verified.isEmpty()) {
            return PeerRound.nothingLearned(peer.id(), PeerRound.Outcome.ANSWER_INVALID);
        }
        Verified v = verified.get();
        Optional<FirstBreak> broken = PeerConsistency.check(base, v.answer());
        SignedCheckpoint received = v.answer().checkpoint();
        if (broken.isPresent()) {
            FirstBreak first = broken.get();
            log.warn("peer checkpoint inconsistent peer={} lane={} eventId={} problem={}", peer.id(), first.lane(),
                    first.eventId(), first.problem());
            held.inconsistent(peer.id(), now, received, first, answer.get().body());
            return new PeerRound(peer.id(), PeerRound.Outcome.INCONSISTENT, first, received, v.heldOfYou());
        }
        if (!received.sameHeads(base)) {
            held.consistent(peer.id(), now, received, answer.get().body());
        }
        return new PeerRound(peer.id(), PeerRound.Outcome.CONSISTENT, null, received, v.heldOfYou());
    }

    /** The latest consistent checkpoint of {@code peer} held here, verified again (null if none). */
    private SignedCheckpoint base(String peer) {
        Optional<String> stored = held.latestConsistent(peer);
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return SignedCheckpoint.verify(stored.get(), verifier, schemas).of(peer);
        } catch (ApiException e) {
            // Only what verified was stored: a row that no longer does was changed in the database.
            log.error("stored checkpoint of peer={} no longer verifies code={}", peer, e.errorCode().code());
            return null;
        }
    }

    private record Verified(PeerConsistency.Answer answer, SignedCheckpoint heldOfYou) {
    }

    /**
     * The peer's answer, if it is a fresh answer of that peer to this very query, matches its schema
     * and carries what a complete answer carries; every failure is logged by code and dropped.
     */
    private Optional<Verified> verify(String peer, String query, String body, SignedCheckpoint base, Instant now) {
        VerifiedEnvelope envelope;
        try {
            envelope = verifier.verify(body.trim(), CheckpointMessages.ANSWER, now);
        } catch (EnvelopeRejectedException e) {
            log.warn("checkpoint answer rejected peer={} code={}", peer, e.reason().code());
            return Optional.empty();
        }
        ObjectNode payload = envelope.payload();
        if (!envelope.senderNode().equals(peer) || !CompactJws.digest(query).equals(payload.path("queryDigest").asString())
                || !schemas.validate("checkpoint-answer", payload).isEmpty()) {
            log.warn("checkpoint answer not bound to the query or not of its schema peer={}", peer);
            return Optional.empty();
        }
        try {
            JsonNode chain = payload.get("chain");
            boolean valid = chain.get("valid").asBoolean();
            SignedCheckpoint checkpoint = payload.hasNonNull("checkpoint")
                    ? SignedCheckpoint.verify(payload.get("checkpoint").asString(), verifier, schemas).of(peer) : null;
            SignedCheckpoint mine = payload.hasNonNull("heldOfYou")
                    ? SignedCheckpoint.verify(payload.get("heldOfYou").asString(), verifier, schemas).of(node.id())
                    : null;
            List<LaneHash> witness = new ArrayList<>();
            payload.get("witness").forEach(w -> witness.add(new LaneHash(w.get("lane").asInt(),
                    w.get("eventId").asLong(), w.get("hash").isNull() ? null : w.get("hash").asString())));
            if (valid != (checkpoint != null) || !PeerConsistency.witnessCovers(base, witness)) {
                log.warn("checkpoint answer incomplete peer={}", peer);
                return Optional.empty();
            }
            Long firstBroken = chain.hasNonNull("firstBrokenEventId") ? chain.get("firstBrokenEventId").asLong() : null;
            return Optional.of(new Verified(new PeerConsistency.Answer(valid, firstBroken, checkpoint, witness), mine));
        } catch (ApiException e) {
            log.warn("checkpoint in the answer of peer={} does not verify code={}", peer, e.errorCode().code());
            return Optional.empty();
        }
    }

    // --- the schedule ---------------------------------------------------------------------

    @Override
    public synchronized void start() {
        long every = properties.gossipInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "checkpoint-gossip");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scheduledRound, every, every, TimeUnit.MILLISECONDS);
    }

    private void scheduledRound() {
        try {
            List<PeerRound> found = round();
            log.info("checkpoint gossip round peers={} outcomes={}", found.size(),
                    found.stream().map(r -> r.peer() + ":" + r.outcome()).toList());
        } catch (RuntimeException e) {
            // The next round tries again; a failed round must not end the schedule.
            log.error("checkpoint gossip round failed exception={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
