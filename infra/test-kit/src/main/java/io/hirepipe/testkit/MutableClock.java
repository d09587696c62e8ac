package io.hirepipe.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward by hand, so deadlines, leases and back-offs pass without waiting for them.
 * {@link #MutableClock()} follows the real time plus what the test added; {@link #MutableClock(Instant)}
 * stands still at that instant until moved.
 */
public final class MutableClock extends Clock {

    private final Instant start;
    private volatile Duration offset = Duration.ZERO;

    /** The real time, plus whatever {@link #advance(Duration)} adds. */
    public MutableClock() {
        this(null);
    }

    /** Stands at {@code start}, plus whatever {@link #advance(Duration)} adds. */
    public MutableClock(Instant start) {
        this.start = start;
    }

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
