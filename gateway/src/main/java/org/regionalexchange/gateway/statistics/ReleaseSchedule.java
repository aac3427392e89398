package org.regionalexchange.gateway.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Releases months in the background: every {@code gateway.statistics.release-check} (the first time
 * a few minutes after start-up, not to compete with it), each month of the last {@code max-months}
 * that is due (its end plus the release delay) and not released yet - after an installation the
 * history, then each new month as it becomes due. Replicas of a node may all try: a month is
 * released once. A failure is logged and tried again at the next check; asking for a month releases
 * it too.
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

    /** One check: releases the months of the window that are due and not released yet. */
    void releaseDue() {
        try {
            YearMonth due = Period.lastReleased(properties.releaseDelay(), clock);
            YearMonth first = due.minusMonths(properties.maxMonths() - 1L);
            releases.releaseMissing(new Period(first.isBefore(Period.EARLIEST) ? Period.EARLIEST : first, due));
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
