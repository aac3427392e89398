package org.regionalexchange.gateway.statistics;

import java.time.Instant;
import java.time.YearMonth;

import org.regionalexchange.gateway.statistics.disclosure.ReleasedPopulation;

/** The released figures of one population for one month: published once, never changed. */
record Release(Population population, YearMonth month, Instant releasedAt, int threshold,
        ReleasedPopulation figures) {
}
