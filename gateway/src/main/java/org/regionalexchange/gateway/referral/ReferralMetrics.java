package org.regionalexchange.gateway.referral;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code gateway.referrals}: each step of a referral's lifecycle that committed, by referral type
 * and status reached (codes only; docs/operations.md "Monitoring").
 */
@Component
class ReferralMetrics {

    private final MeterRegistry meters;

    ReferralMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts the step when the transaction that stores it commits (or at once outside one). */
    void step(String type, ReferralStatus status) {
        Runnable count = () -> Counter.builder("gateway.referrals").description("Referral steps, by type and status")
                .tag("type", type).tag("status", status.name()).register(meters).increment();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
