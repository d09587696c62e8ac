package io.hirepipe.perf;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest {

    private static final Duration BACK_OFF = Duration.ofSeconds(2);

    @Test
    void anOpenBreakersRetryAfterIsHonouredAndCapped() {
        assertThat(Api.retryAfter("10", BACK_OFF)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Api.retryAfter(" 3 ", BACK_OFF)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Api.retryAfter("86400", BACK_OFF)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutAUsableRetryAfterTheBackOffApplies() {
        assertThat(Api.retryAfter(null, BACK_OFF)).isEqualTo(BACK_OFF);
        assertThat(Api.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT", BACK_OFF)).isEqualTo(BACK_OFF);
        assertThat(Api.retryAfter("-5", BACK_OFF)).isEqualTo(BACK_OFF);
    }
}
