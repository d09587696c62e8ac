package io.hirepipe.gateway.loginthrottle;

import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.web.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirepipe.defaults.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Slows down password guessing without locking the real user out. Every attempt is checked here
 * before the password hash is (bcrypt is what an attacker would make us burn CPU on). Three scopes
 * back off independently: account and address together (tight), the account from anywhere (looser,
 * and not for addresses the account signed in from recently) and the address across accounts.
 *
 * <p>State is per gateway instance, in bounded stores that forget old failures.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /**
     * Consecutive failures in one scope, when the next attempt may be checked, and how many attempts of the scope
     * are being checked right now (their outcome not known yet).
     */
    private record Failures(int count, Instant notBefore, int inFlight) {

        static final Failures NONE = new Failures(0, Instant.MIN, 0);
    }

    /** How long an attempt refused because another of its scope is still being checked is asked to wait. */
    private static final Duration WHILE_ANOTHER_IS_CHECKED = Duration.ofSeconds(1);

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> accountAndAddress;
    private final Cache<String, Failures> account;
    private final Cache<String, Failures> address;
    private final Cache<String, Boolean> signedInFrom;
    private final Counter failed;
    private final Counter throttled;

    public LoginThrottle(LoginThrottleProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.accountAndAddress = store(properties.maxEntries(), properties.forgetAfter());
        this.account = store(properties.maxEntries(), properties.forgetAfter());
        this.address = store(properties.maxEntries(), properties.forgetAfter());
        this.signedInFrom = store(properties.maxEntries(), properties.rememberSignInFor());
        this.failed = Counter.builder("hirepipe.gateway.login.failures")
                .description("Logins refused for wrong credentials").register(meters);
        this.throttled = Counter.builder("hirepipe.gateway.login.throttled")
                .description("Login attempts refused unchecked while backing off").register(meters);
    }

    private static <V> Cache<String, V> store(long maxEntries, Duration expiry) {
        return Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry).build();
    }

    /**
     * Runs the login unless the attempt must wait, and learns from its outcome. The login is only
     * subscribed to (so the password only checked) once the throttle has let the attempt through.
     *
     * <p>An attempt counts in its scopes from the moment it is let through, not only once its outcome is known: the
     * free failures are shared by the attempts being checked, and once they are used up, only one attempt per scope
     * is checked at a time. So guesses sent in parallel get no more checks than guesses sent one after another (they
     * would otherwise all pass the check before the first failure is recorded, again each time a back-off ends).
     */
    public <T> Mono<T> guard(String email, String remoteAddress, Supplier<Mono<T>> login) {
        if (!properties.enabled()) {
            return login.get();
        }
        return Mono.defer(() -> {
            String accountKey = accountKey(email);
            String addressKey = remoteAddress == null ? "unknown" : remoteAddress;
            String pairKey = accountKey + '|' + addressKey;
            Instant now = clock.instant();
            // An address the account signed in from recently is not held up by the account's back-off (its
            // failures still count there).
            List<Scope> scopes = List.of(
                    new Scope(accountAndAddress, pairKey, properties.perAccountAndAddress(), true),
                    new Scope(account, accountKey, properties.perAccount(), signedInFrom.getIfPresent(pairKey) == null),
                    new Scope(address, addressKey, properties.perAddress(), true));
            Instant until = null;
            List<Scope> admitted = new ArrayList<>(3);
            for (Scope scope : scopes) {
                Instant wait = scope.admit(now);
                if (wait == null) {
                    admitted.add(scope);
                } else {
                    until = latest(until, wait);
                }
            }
            if (until != null) {
                admitted.forEach(Scope::release);
                throttled.increment();
                return Mono.error(backOff(Duration.between(now, until)));
            }
            AtomicBoolean settled = new AtomicBoolean();
            return login.get()
                    .doOnSuccess(signedIn -> {
                        if (settled.compareAndSet(false, true)) {
                            scopes.forEach(Scope::release);
                            if (signedIn != null) {
                                accountAndAddress.invalidate(pairKey);
                                signedInFrom.put(pairKey, Boolean.TRUE);
                            }
                        }
                    })
                    .doOnError(failure -> {
                        if (settled.compareAndSet(false, true)) {
                            boolean wrongCredentials = failure instanceof ProblemException refused
                                    && refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value();
                            if (wrongCredentials) {
                                recordFailure(accountKey, addressKey, scopes);
                            } else {
                                scopes.forEach(Scope::release);
                            }
                        }
                    })
                    .doFinally(signal -> {
                        if (settled.compareAndSet(false, true)) {
                            // Cancelled (the client went away): its outcome was never learnt, so it counts for nothing.
                            scopes.forEach(Scope::release);
                        }
                    });
        });
    }

    /** One scope an attempt is checked in: its store, its key there, and its back-off. */
    private final class Scope {

        private final Cache<String, Failures> store;
        private final String key;
        private final LoginThrottleProperties.Scope rule;
        /** Whether the attempt waits for this scope's back-off; if not, it only learns the attempt's failure. */
        private final boolean checked;

        Scope(Cache<String, Failures> store, String key, LoginThrottleProperties.Scope rule, boolean checked) {
            this.store = store;
            this.key = key;
            this.rule = rule;
            this.checked = checked;
        }

        /** Lets the attempt through (null) and counts it as being checked, or says until when it must wait. */
        Instant admit(Instant now) {
            if (!checked) {
                return null;
            }
            Instant[] until = new Instant[1];
            store.asMap().compute(key, (k, old) -> {
                Failures current = old == null ? Failures.NONE : old;
                if (current.notBefore().isAfter(now)) {
                    until[0] = current.notBefore();
                    return old;
                }
                if (current.inFlight() > 0 && current.count() + current.inFlight() >= rule.freeFailures()) {
                    until[0] = now.plus(WHILE_ANOTHER_IS_CHECKED);
                    return old;
                }
                return new Failures(current.count(), current.notBefore(), current.inFlight() + 1);
            });
            return until[0];
        }

        /** The attempt's check ended without a failure to count. */
        void release() {
            if (!checked) {
                return;
            }
            store.asMap().computeIfPresent(key, (k, old) -> old.count() == 0 && old.inFlight() <= 1 ? null
                    : new Failures(old.count(), old.notBefore(), Math.max(0, old.inFlight() - 1)));
        }

        /** The attempt's check ended with wrong credentials; the number of failures in a row now. */
        int fail(Instant now) {
            Failures updated = store.asMap().compute(key, (k, old) -> {
                Failures current = old == null ? Failures.NONE : old;
                int count = current.count() + 1;
                int inFlight = checked ? Math.max(0, current.inFlight() - 1) : current.inFlight();
                return new Failures(count, now.plus(rule.delayAfter(count)), inFlight);
            });
            return updated.count();
        }
    }

    private void recordFailure(String accountKey, String addressKey, List<Scope> scopes) {
        failed.increment();
        Instant now = clock.instant();
        int pairFailures = scopes.get(0).fail(now);
        scopes.subList(1, scopes.size()).forEach(scope -> scope.fail(now));
        // The account appears only as a hash prefix: enough to correlate lines, never the email or the password.
        log.info("Failed login for account {} from {} ({} in a row from there)", accountKey.substring(0, 12),
                addressKey, pairFailures);
    }

    private static Instant latest(Instant... candidates) {
        Instant latest = null;
        for (Instant candidate : candidates) {
            if (candidate != null && (latest == null || candidate.isAfter(latest))) {
                latest = candidate;
            }
        }
        return latest;
    }

    private static ProblemException backOff(Duration wait) {
        return Problems.tooManyRequests("login-throttled", "Too many failed logins", wait,
                seconds -> "Too many failed logins. Wait " + seconds + " s before trying again.");
    }

    /** Emails are keyed by hash, so the store holds no address book of who was attacked. */
    private static String accountKey(String email) {
        return RecruiterUser.emailKey(email == null ? "" : email);
    }
}
