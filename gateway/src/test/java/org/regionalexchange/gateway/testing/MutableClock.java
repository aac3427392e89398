package org.regionalexchange.gateway.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock in UTC that a test moves by hand ({@code clock.now = ...}), for what the node reads from its {@link Clock}. */
public final class MutableClock extends Clock {

    /** What {@link #instant()} answers until the test moves it. */
    public volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
