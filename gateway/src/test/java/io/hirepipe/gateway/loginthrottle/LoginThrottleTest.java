package io.hirepipe.gateway.loginthrottle;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private static final String ACCOUNT = "recruiter@acme.test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(true, 1000,
            Duration.ofHours(1), Duration.ofDays(30),
            new LoginThrottleProperties.Scope(3, Duration.ofSeconds(1), Duration.ofSeconds(8)),
            new LoginThrottleProperties.Scope(10, Duration.ofSeconds(2), Duration.ofMinutes(5)),
            new LoginThrottleProperties.Scope(50, Duration.ofSeconds(1), Duration.ofMinutes(5))),
            clock, new SimpleMeterRegistry());
    /** How many times the password was actually checked. */
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aThrottledAttemptNeverReachesThePasswordCheck() {
        failTimes(4, "10.0.0.1");
        int checked = checks.get();

        assertThatThrownBy(() -> attempt("10.0.0.1", true)).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        });
        assertThat(checks.get()).isEqualTo(checked);
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheCap() {
        failTimes(4, "10.0.0.1");
        assertThat(retryAfter("10.0.0.1")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(fail("10.0.0.1")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(retryAfter("10.0.0.1")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        fail("10.0.0.1");
        assertThat(retryAfter("10.0.0.1")).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        fail("10.0.0.1");
        clock.advance(Duration.ofSeconds(8));
        fail("10.0.0.1");
        assertThat(retryAfter("10.0.0.1")).as("capped at max-delay").isEqualTo(8);
    }

    @Test
    void theRealUserFromAnotherAddressIsNotHeldUpByAnAttackerOnTheirAccount() {
        failTimes(4, "203.0.113.66");

        assertThat(attempt("198.51.100.7", true)).isEqualTo("signed in");
    }

    @Test
    void aCampaignFromManyAddressesBacksOffTheAccountButNotWhereItRecentlySignedIn() {
        assertThat(attempt("198.51.100.7", true)).isEqualTo("signed in");
        for (int i = 0; i < 11; i++) {
            fail("203.0.113." + i);
        }

        assertThatThrownBy(() -> attempt("203.0.113.200", false)).isInstanceOf(ProblemException.class);
        assertThat(attempt("198.51.100.7", true)).isEqualTo("signed in");
    }

    @Test
    void aSuccessClearsTheAddressesFailures() {
        failTimes(3, "10.0.0.1");
        attempt("10.0.0.1", true);

        failTimes(3, "10.0.0.1");
        assertThat(attempt("10.0.0.1", true)).isEqualTo("signed in");
    }

    @Test
    void guessesSentInParallelGetNoMoreChecksThanGuessesSentOneAfterAnother() {
        // Each check takes a while (bcrypt); a burst arrives before the first of it has failed.
        Sinks.Empty<Void> checking = Sinks.empty();
        List<ProblemException> refused = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            throttle.guard(ACCOUNT, "10.0.0.1", () -> Mono.defer(() -> {
                checks.incrementAndGet();
                return checking.asMono().then(Mono.<String>error(new ProblemException(HttpStatus.UNAUTHORIZED,
                        "invalid-credentials", "Unauthenticated", "no")));
            })).subscribe(ok -> { }, failure -> {
                if (failure instanceof ProblemException problem
                        && problem.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                    refused.add(problem);
                }
            });
        }
        assertThat(checks.get()).as("checked at once: the free failures, no more").isEqualTo(3);
        assertThat(refused).hasSize(47).allSatisfy(problem ->
                assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1"));
        checking.tryEmitEmpty();

        // Past the free failures, one check at a time, each after its back-off.
        Sinks.Empty<Void> next = Sinks.empty();
        List<Throwable> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            throttle.guard(ACCOUNT, "10.0.0.1", () -> Mono.defer(() -> {
                checks.incrementAndGet();
                return next.asMono().then(Mono.<String>error(new ProblemException(HttpStatus.UNAUTHORIZED,
                        "invalid-credentials", "Unauthenticated", "no")));
            })).subscribe(ok -> { }, outcomes::add);
        }
        assertThat(checks.get()).isEqualTo(4);
        next.tryEmitEmpty();
        assertThat(retryAfter("10.0.0.1")).as("the back-off after the fourth failure").isEqualTo(1);
        assertThat(checks.get()).isEqualTo(4);
    }

    @Test
    void anAttemptWhoseCheckIsCancelledOrFailsOtherwiseCountsForNothing() {
        failTimes(3, "10.0.0.1");
        Sinks.Empty<Void> never = Sinks.empty();
        var cancelled = throttle.guard(ACCOUNT, "10.0.0.1", () -> never.asMono().thenReturn("signed in")).subscribe();
        assertThat(retryAfter("10.0.0.1")).as("while it is checked").isEqualTo(1);
        cancelled.dispose();
        assertThatThrownBy(() -> throttle.guard(ACCOUNT, "10.0.0.1", () -> Mono.<String>error(new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE, "identity-store-unavailable", "Service unavailable", "down"))).block())
                .isInstanceOfSatisfying(ProblemException.class, down ->
                        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        assertThat(attempt("10.0.0.1", true)).isEqualTo("signed in");
    }

    private void failTimes(int times, String address) {
        for (int i = 0; i < times; i++) {
            assertThat(fail(address)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    private HttpStatus fail(String address) {
        try {
            attempt(address, false);
            return HttpStatus.OK;
        } catch (ProblemException refused) {
            return HttpStatus.valueOf(refused.getStatusCode().value());
        }
    }

    private long retryAfter(String address) {
        try {
            attempt(address, false);
            throw new AssertionError("expected a back-off");
        } catch (ProblemException refused) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            return Long.parseLong(refused.getHeaders().getFirst("Retry-After"));
        }
    }

    private String attempt(String address, boolean rightPassword) {
        return throttle.guard(ACCOUNT, address, () -> Mono.fromCallable(() -> {
            checks.incrementAndGet();
            if (!rightPassword) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthenticated", "no");
            }
            return "signed in";
        })).block();
    }
}
