package io.hirepipe.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLimitersTest {

    private static RateLimitProperties properties(long maxClients) {
        return new RateLimitProperties(true, maxClients, Duration.ofMinutes(15), Map.of(
                "reads", new RateLimitProperties.Group(3, Duration.ofMinutes(1), 10, List.of("GET"), List.of(), true)));
    }

    @Test
    void eachClientHasItsOwnBudgetAndTheRefusalSaysWhenToComeBack() {
        ClientLimiters limiters = new ClientLimiters(properties(100), new SimpleMeterRegistry());

        for (int i = 0; i < 3; i++) {
            assertThat(limiters.acquire("reads", "recruiter:a").permitted()).isTrue();
        }
        ClientLimiters.Decision refused = limiters.acquire("reads", "recruiter:a");

        assertThat(refused.permitted()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiters.acquire("reads", "recruiter:b").permitted()).isTrue();
    }

    @Test
    void manyDistinctClientsCannotGrowTheStoreBeyondItsBound() {
        ClientLimiters limiters = new ClientLimiters(properties(50), new SimpleMeterRegistry());

        for (int i = 0; i < 10_000; i++) {
            limiters.acquire("reads", "ip:10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(limiters.heldLimiters()).isLessThanOrEqualTo(50);
    }

    @Test
    void aPeriodLongerThanTheIdleExpiryIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties(true, 10, Duration.ofSeconds(30),
                        Map.of("slow", new RateLimitProperties.Group(1, Duration.ofMinutes(1), 1, List.of(), List.of(), true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle-expiry");
    }
}
