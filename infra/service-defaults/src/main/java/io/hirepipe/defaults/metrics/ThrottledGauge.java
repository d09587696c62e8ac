package io.hirepipe.defaults.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * A gauge whose value is measured (typically a MongoDB count, shared by all instances) at most once
 * per interval, however often Prometheus scrapes; a failed measurement keeps the last value and is
 * tried again at the next scrape.
 */
public final class ThrottledGauge {

    private final DoubleSupplier measure;
    private final Duration interval;
    private final Clock clock;
    private final AtomicLong measuredAt = new AtomicLong(Long.MIN_VALUE);
    private volatile double value;

    private ThrottledGauge(DoubleSupplier measure, Duration interval, Clock clock) {
        this.measure = measure;
        this.interval = interval;
        this.clock = clock;
    }

    /** Registers a gauge named {@code name} that measures with {@code measure} at most once per {@code interval}. */
    public static Gauge register(MeterRegistry registry, String name, String description, Duration interval,
                                 DoubleSupplier measure) {
        ThrottledGauge gauge = new ThrottledGauge(measure, interval, Clock.systemUTC());
        return Gauge.builder(name, gauge::value).description(description).register(registry);
    }

    double value() {
        long now = clock.millis();
        long last = measuredAt.get();
        if ((last == Long.MIN_VALUE || now - last >= interval.toMillis()) && measuredAt.compareAndSet(last, now)) {
            try {
                value = measure.getAsDouble();
            } catch (RuntimeException e) {
                measuredAt.set(last);
            }
        }
        return value;
    }
}
