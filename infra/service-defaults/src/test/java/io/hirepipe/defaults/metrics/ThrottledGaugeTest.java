package io.hirepipe.defaults.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledGaugeTest {

    @Test
    void measuresOncePerIntervalHoweverOftenItIsRead() {
        AtomicInteger measurements = new AtomicInteger();
        Gauge gauge = ThrottledGauge.register(new SimpleMeterRegistry(), "test.count", "a count", Duration.ofHours(1),
                () -> measurements.incrementAndGet() * 10);

        assertThat(gauge.value()).isEqualTo(10);
        assertThat(gauge.value()).isEqualTo(10);
        assertThat(measurements).hasValue(1);
    }

    @Test
    void aFailedMeasurementKeepsTheLastValueAndIsTriedAgainAtTheNextRead() {
        AtomicInteger calls = new AtomicInteger();
        Gauge gauge = ThrottledGauge.register(new SimpleMeterRegistry(), "test.flaky", "flaky", Duration.ofHours(1), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("MongoDB unreachable");
            }
            return 7;
        });

        assertThat(gauge.value()).isZero();
        assertThat(gauge.value()).isEqualTo(7);
        assertThat(calls).hasValue(2);
    }
}
