package io.hirepipe.gateway.loginthrottle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirepipe.defaults.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
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

    /** Consecutive failures in one scope and when the next attempt may be checked. */
    private record Failures(int count, Instant notBefore) {
    }

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
            Instant until = latest(waitUntil(accountAndAddress, pairKey, now),
                    signedInFrom.getIfPresent(pairKey) != null ? null : waitUntil(account, accountKey, now),
                    waitUntil(address, addressKey, now));
            if (until != null) {
                throttled.increment();
                return Mono.error(backOff(Duration.between(now, until)));
            }
            return login.get()
                    .doOnSuccess(signedIn -> {
                        if (signedIn != null) {
                            accountAndAddress.invalidate(pairKey);
                            signedInFrom.put(pairKey, Boolean.TRUE);
                        }
                    })
                    .doOnError(ProblemException.class, refused -> {
                        if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                            recordFailure(accountKey, addressKey, pairKey);
                        }
                    });
        });
    }

    private void recordFailure(String accountKey, String addressKey, String pairKey) {
        failed.increment();
        Instant now = clock.instant();
        int pairFailures = fail(accountAndAddress, pairKey, properties.perAccountAndAddress(), now);
        fail(account, accountKey, properties.perAccount(), now);
        fail(address, addressKey, properties.perAddress(), now);
        // The account appears only as a hash prefix: enough to correlate lines, never the email or the password.
        log.info("Failed login for account {} from {} ({} in a row from there)", accountKey.substring(0, 12),
                addressKey, pairFailures);
    }

    private static int fail(Cache<String, Failures> store, String key, LoginThrottleProperties.Scope scope,
                            Instant now) {
        Failures updated = store.asMap().merge(key, new Failures(1, now.plus(scope.delayAfter(1))),
                (old, one) -> new Failures(old.count() + 1, now.plus(scope.delayAfter(old.count() + 1))));
        return updated.count();
    }

    private static Instant waitUntil(Cache<String, Failures> store, String key, Instant now) {
        Failures failures = store.getIfPresent(key);
        return failures != null && failures.notBefore().isAfter(now) ? failures.notBefore() : null;
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
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                "Too many failed logins", "Too many failed logins. Wait " + seconds + " s before trying again.");
        problem.with("retryAfterSeconds", seconds);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    /** The peer address; behind a proxy, set server.forward-headers-strategy so this is the client's. */
    public static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** Emails are keyed by hash, so the store holds no address book of who was attacked. */
    private static String accountKey(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
