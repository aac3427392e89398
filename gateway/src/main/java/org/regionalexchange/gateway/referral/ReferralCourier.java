package org.regionalexchange.gateway.referral;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.directory.RegisteredNode;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.signing.CompactJws;
import org.regionalexchange.gateway.signing.EnvelopeRejectedException;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.gateway.validation.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers the outbox to the other nodes: each message is signed afresh at each attempt (a new
 * {@code jti} and {@code iat}, so a message kept for days is never stale) and posted; the other
 * node's signed receipt, bound to the envelope by its digest, marks it delivered and is kept as
 * evidence with the envelope. An unreachable node or a 5xx answer is tried again after a pause
 * that grows ({@link ReferralDeliveryProperties}); a refusal (4xx) is final and logged. The
 * receiver stores a message once however often it arrives, so the referral is received exactly
 * once.
 */
@Component
class ReferralCourier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferralCourier.class);
    private static final int MAX_ANSWER = 256 * 1024;

    private final ReferralOutbox outbox;
    private final EnvelopeSigner signer;
    private final EnvelopeVerifier verifier;
    private final ParticipantRegistry registry;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final ReferralDeliveryProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private final Object signal = new Object();
    private boolean woken;
    private volatile List<Thread> workers = List.of();

    ReferralCourier(ReferralOutbox outbox, EnvelopeSigner signer, EnvelopeVerifier verifier,
            ParticipantRegistry registry, AccessLog accessLog, NodeProperties node,
            ReferralDeliveryProperties properties, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.signer = signer;
        this.verifier = verifier;
        this.registry = registry;
        this.accessLog = accessLog;
        this.node = node;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        outbox.onCommit(this::wake);
    }

    /** A message was committed: deliver now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Delivers every message due now, one after another; the number attempted. */
    int deliverDue() {
        int attempted = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> attemptNext()))) {
            attempted++;
        }
        return attempted;
    }

    private boolean attemptNext() {
        Instant now = clock.instant();
        Optional<ReferralOutbox.Message> due = outbox.nextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        attempt(due.get(), now);
        return true;
    }

    private void attempt(ReferralOutbox.Message message, Instant now) {
        ObjectNode claims = (ObjectNode) JsonText.parse(message.message());
        String agency = claims.has("senderAgency") && message.kind().equals(ReferralOutbox.REFERRAL)
                ? claims.get("senderAgency").asString() : claims.path("agency").asString(null);
        Optional<RegisteredNode> target = registry.node(message.targetNode());
        if (target.isEmpty()) {
            refused(message, null, agency, List.of("receiver_node_not_in_registry"), now);
            return;
        }
        boolean referral = message.kind().equals(ReferralOutbox.REFERRAL);
        String envelope = signer.sign(referral ? ReferralMessages.REFERRAL : ReferralMessages.STEP,
                message.targetNode(), claims, now);
        URI uri = URI.create(target.get().baseUrl() + "/exchange/v1/referrals"
                + (referral ? "" : "/" + message.referralId() + "/steps"));
        Optional<Answer> answer = post(uri, envelope);
        Instant after = clock.instant();
        if (answer.isEmpty()) {
            retry(message, envelope, "node_unreachable", after);
        } else if (answer.get().status() == 200 && answer.get().contentType().startsWith(ReferralMessages.JOSE)) {
            Optional<String> outcome = receipt(message, envelope, answer.get().body(), after);
            if (outcome.isEmpty()) {
                retry(message, envelope, "receipt_invalid", after);
            } else {
                outbox.delivered(message.id(), envelope, answer.get().body(), after);
                accessLog.append(new AccessEvent(after, "node:" + message.targetNode(), agency, node.id(),
                        AccessAction.REFERRAL_DELIVERED, message.referralId(), AccessEvent.OK,
                        List.of(message.kind().toLowerCase(Locale.ROOT), outcome.get().toLowerCase(Locale.ROOT))));
                log.info("referral message delivered referral={} kind={} node={} attempts={} outcome={}",
                        message.referralId(), message.kind(), message.targetNode(), message.attempts() + 1,
                        outcome.get());
            }
        } else if (answer.get().status() >= 500 || answer.get().status() == 429) {
            retry(message, envelope, "status_" + answer.get().status(), after);
        } else {
            refused(message, envelope, agency, codes(answer.get().body()), after);
        }
    }

    /** The receipt's outcome if it is the target node's, signed, bound to this envelope and message. */
    private Optional<String> receipt(ReferralOutbox.Message message, String envelope, String body, Instant now) {
        try {
            VerifiedEnvelope receipt = verifier.verify(body, ReferralMessages.RECEIPT, now);
            ObjectNode claims = receipt.payload();
            String outcome = claims.path("outcome").asString("");
            if (receipt.senderNode().equals(message.targetNode())
                    && CompactJws.digest(envelope).equals(claims.path("envelopeDigest").asString(""))
                    && message.messageId().toString().equals(claims.path("messageId").asString(""))
                    && message.referralId().toString().equals(claims.path("referralId").asString(""))
                    && (outcome.equals(ReferralMessages.STORED) || outcome.equals(ReferralMessages.ALREADY_RECEIVED))) {
                return Optional.of(outcome);
            }
            log.warn("referral receipt not bound to the envelope referral={} node={}", message.referralId(),
                    message.targetNode());
        } catch (EnvelopeRejectedException e) {
            log.warn("referral receipt refused referral={} node={} code={}", message.referralId(),
                    message.targetNode(), e.reason().code());
        }
        return Optional.empty();
    }

    private void retry(ReferralOutbox.Message message, String envelope, String error, Instant now) {
        Duration pause = properties.backoff(message.attempts() + 1, ThreadLocalRandom.current().nextDouble());
        outbox.retryAt(message.id(), envelope, error, now, now.plus(pause));
        log.warn("referral message not delivered referral={} kind={} node={} attempt={} error={} nextInMs={}",
                message.referralId(), message.kind(), message.targetNode(), message.attempts() + 1, error,
                pause.toMillis());
    }

    private void refused(ReferralOutbox.Message message, String envelope, String agency, List<String> codes,
            Instant now) {
        outbox.refused(message.id(), envelope, codes.isEmpty() ? "refused" : codes.get(0), now);
        accessLog.append(new AccessEvent(now, "node:" + message.targetNode(), agency, node.id(),
                AccessAction.REFERRAL_DELIVERY_REFUSED, message.referralId(), AccessEvent.REFUSED, codes));
        log.warn("referral message refused by the receiving node referral={} kind={} node={} codes={}",
                message.referralId(), message.kind(), message.targetNode(), codes);
    }

    /** The problem's code and reason codes, as far as they are stable snake_case codes. */
    private static List<String> codes(String body) {
        List<String> codes = new ArrayList<>();
        try {
            JsonNode problem = JsonText.parse(body);
            addCode(codes, problem.path("code").asString(""));
            problem.path("reasons").forEach(r -> addCode(codes, r.path("code").asString("")));
        } catch (RuntimeException e) {
            // Not a problem document: the refusal is logged without its code.
        }
        if (codes.isEmpty()) {
            codes.add("refused");
        }
        return codes;
    }

    private static void addCode(List<String> codes, String code) {
        if (code.matches("[a-z][a-z0-9_]{0,59}") && !codes.contains(code)) {
            codes.add(code);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Optional<Answer> post(URI uri, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                .header("Content-Type", ReferralMessages.JOSE)
                .header("Accept", ReferralMessages.JOSE + ", application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
            return Optional.of(new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), body));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void run() {
        while (workers.contains(Thread.currentThread())) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.error("referral courier round failed error={}", e.getClass().getSimpleName());
            }
            long wait = properties.pollInterval().toMillis();
            try {
                Optional<Instant> next = outbox.nextDueAt();
                if (next.isPresent()) {
                    wait = Math.max(1, Math.min(wait, Duration.between(clock.instant(), next.get()).toMillis()));
                }
            } catch (RuntimeException e) {
                // The database is away for a moment: look again after the poll interval.
            }
            synchronized (signal) {
                if (!woken) {
                    try {
                        signal.wait(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (workers.isEmpty()) {
            List<Thread> started = new ArrayList<>();
            for (int i = 0; i < properties.workers(); i++) {
                Thread thread = new Thread(this::run, "referral-courier-" + node.id() + "-" + i);
                thread.setDaemon(true);
                started.add(thread);
            }
            workers = List.copyOf(started);
            started.forEach(Thread::start);
        }
    }

    @Override
    public synchronized void stop() {
        List<Thread> running = workers;
        workers = List.of();
        for (Thread thread : running) {
            thread.interrupt();
        }
        for (Thread thread : running) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }
}
