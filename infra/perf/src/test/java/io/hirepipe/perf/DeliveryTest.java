package io.hirepipe.perf;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTest {

    @Test
    void endToEndLatencyRunsFromEachAcknowledgementToThatCandidatesFirstEmail() {
        Measurement submits = new Measurement("submit", 3, 3, 1, 1, 1, 0);
        Delivery delivery = new Delivery(submits,
                Map.of("a", 1_000L, "b", 2_000L, "c", 3_000L),
                Map.of("a", List.of(Instant.ofEpochMilli(1_100)), "b", List.of(Instant.ofEpochMilli(2_300),
                        Instant.ofEpochMilli(2_900))),
                Set.of("c"), 1);

        Measurement e2e = delivery.endToEnd("e2e");

        assertThat(e2e.count()).isEqualTo(2);
        assertThat(e2e.p50Millis()).isEqualTo(100);
        assertThat(e2e.p99Millis()).isEqualTo(300);
        assertThat(e2e.errors()).isEqualTo(1);               // c was acknowledged and never emailed
        assertThat(e2e.perSecond()).isEqualTo(2 / 1.3);       // 2 emails from the first ack (1.0 s) to the last email (2.3 s)
        assertThat(delivery.delivered()).isEqualTo(2);
    }
}
