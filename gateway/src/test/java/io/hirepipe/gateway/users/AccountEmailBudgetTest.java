package io.hirepipe.gateway.users;

import io.hirepipe.gateway.users.PasswordLink.Purpose;
import io.hirepipe.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address budget of set-password and reset emails: its window, and emails that were never sent. */
class AccountEmailBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccountEmailBudget budget = new AccountEmailBudget(new UsersProperties(null, null, null, null, null,
            new UsersProperties.EmailBudget(3, Duration.ofHours(1), 1000L)), clock, meters);

    @Test
    void anAddressGetsItsLimitPerWindowWhateverTheSpellingAndAgainOnceTheWindowIsOver() {
        assertThat(budget.take("rita@acme.test", Purpose.INVITE).permitted()).isTrue();
        assertThat(budget.take("Rita@ACME.test", Purpose.RESET).permitted()).isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(budget.take(" rita@acme.test ", Purpose.RESET).permitted()).isTrue();

        AccountEmailBudget.Decision refused = budget.take("rita@acme.test", Purpose.RESET);
        assertThat(refused.permitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(40));
        assertThat(budget.take("nina@acme.test", Purpose.RESET).permitted()).as("another address").isTrue();
        assertThat(meters.counter("hirepipe.gateway.account.emails.limited", "purpose", "RESET").count()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(40));
        assertThat(budget.take("rita@acme.test", Purpose.RESET).permitted()).isTrue();
    }

    @Test
    void anEmailThatCouldNotBeHandedOverCostsNothing() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take("otto@acme.test", Purpose.RESET).permitted()).isTrue();
        }
        budget.giveBack("otto@acme.test");

        assertThat(budget.take("otto@acme.test", Purpose.RESET).permitted()).isTrue();
        assertThat(budget.take("otto@acme.test", Purpose.RESET).permitted()).isFalse();
    }
}
