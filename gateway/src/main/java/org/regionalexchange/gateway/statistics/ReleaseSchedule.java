package org.regionalexchange.gateway.statistics;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Releases each month in the background once it is due (its end plus the release delay), checking
 * every {@code gateway.statistics.release-check}, the first time a few minutes after start-up (not
 * to compete with it). Replicas of a node may all try: a month is released once. A failure is
 * logged and tried again at the next check; asking for the month releases it too.
 */
@Component
class ReleaseSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);

    private final MonthlyReleases releases;
    private final StatisticsProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    ReleaseSchedule(MonthlyReleases releases, StatisticsProperties properties, Clock clock) {
        this.releases = releases;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "statistics-release");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.releaseCheck().toMillis();
        executor.scheduleWithFixedDelay(this::releaseDue, Math.min(every, properties.releaseCheckDelay().toMillis()),
                every, TimeUnit.MILLISECONDS);
    }

    /** One check: releases the month that is due, if it is not released yet. */
    void releaseDue() {
        try {
            var due = Period.lastReleased(properties.releaseDelay(), clock);
            releases.releaseDue(new Period(due, due));
        } catch (RuntimeException e) {
            log.warn("statistics release failed; tried again at the next check error={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
