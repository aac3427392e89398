package org.regionalexchange.gateway.exchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.ReasonCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange's meters (docs/operations.md "Monitoring"). Every tag is a code of the API or of
 * the policy (an outcome, an error code, a reason code, a node id): never a name, a reference, a
 * justification or anything else an officer typed, so the scrape carries no personal data. So the
 * tags take few values, and each meter is registered once and then found by its tags' values.
 */
@Component
class ExchangeMetrics {

    static final String NONE = "none";

    private final MeterRegistry meters;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    ExchangeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Runs an officer's request (requester side) and counts it once, by the holder's outcome or by
     * the error code it failed with; timed as {@code gateway.exchange.duration{direction=outbound}}.
     */
    ObjectNode outbound(Supplier<ObjectNode> exchange) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ERROR";
        String reason = NONE;
        try {
            ObjectNode answer = exchange.get();
            outcome = answer.path("outcome").asString("ERROR");
            return answer;
        } catch (ApiException e) {
            reason = e.errorCode().code();
            throw e;
        } catch (RuntimeException e) {
            reason = "internal";
            throw e;
        } finally {
            exchanges("outbound", outcome, reason);
            sample.stop(duration("outbound", outcome));
        }
    }

    /**
     * Runs the holder side of one request envelope and counts it once: by the decision's outcome
     * and internal reason code (counted when its transaction commits), by {@code RETRY} for a known
     * envelope answered again, or by the error code it was refused with.
     */
    String inbound(Supplier<String> exchange) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ERROR";
        try {
            String answer = exchange.get();
            outcome = "ANSWERED";
            return answer;
        } catch (ApiException e) {
            exchanges("inbound", "REJECTED", e.errorCode().code());
            throw e;
        } catch (RuntimeException e) {
            exchanges("inbound", "ERROR", "internal");
            throw e;
        } finally {
            sample.stop(duration("inbound", outcome));
        }
    }

    /** A decision of this holder, counted (and counted as an inbound exchange) once its transaction commits. */
    void decided(Decision decision) {
        String outcome = decision.outcome().name();
        String reason = decision.internalReason().map(ReasonCode::code).orElse(NONE);
        afterCommit(() -> {
            counters.computeIfAbsent(List.of("gateway.decisions", outcome, reason), key -> Counter
                    .builder("gateway.decisions").description("Decisions of this holder node")
                    .tag("outcome", outcome).tag("reason", reason).register(meters)).increment();
            exchanges("inbound", outcome, reason);
        });
    }

    /** A known envelope answered again with the stored answer. */
    void retried(String outcome) {
        exchanges("inbound", "RETRY", outcome);
    }

    /** An envelope refused before anything in it was evaluated, by its stable cause code. */
    void envelopeRefused(String cause) {
        counters.computeIfAbsent(List.of("gateway.envelope.refusals", cause), key -> Counter
                .builder("gateway.envelope.refusals").description("Envelopes refused, by cause")
                .tag("cause", cause).register(meters)).increment();
    }

    private void exchanges(String direction, String outcome, String reason) {
        counters.computeIfAbsent(List.of("gateway.exchanges", direction, outcome, reason), key -> Counter
                .builder("gateway.exchanges").description("Exchanges by direction, outcome and reason code")
                .tag("direction", direction).tag("outcome", outcome).tag("reason", reason).register(meters))
                .increment();
    }

    private Timer duration(String direction, String outcome) {
        return timers.computeIfAbsent(List.of(direction, outcome), key -> Timer.builder("gateway.exchange.duration")
                .description("Time of an officer's request (outbound) or of the holder path (inbound)")
                .tag("direction", direction).tag("result", outcome).register(meters));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
