package org.regionalexchange.gateway.architecture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Reads of the system clock beside the injected one, planted for {@code ArchitectureTest}: the rule
 * that time comes from the {@link Clock} bean must find each of them. Never used by the gateway.
 */
public final class PlantedClockUse {

    private PlantedClockUse() {
    }

    static Instant instant() {
        return Instant.now();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Supplier<Instant> reference() {
        return Instant::now;
    }

    static long millis() {
        return System.currentTimeMillis();
    }

    static Clock own() {
        return Clock.systemUTC();
    }

    /** The allowed form: the clock handed in. */
    static LocalDate fromTheClock(Clock clock) {
        return LocalDate.now(clock);
    }
}
