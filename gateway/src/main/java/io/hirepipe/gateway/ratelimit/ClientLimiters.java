package io.hirepipe.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One Resilience4j rate limiter per (group, client), held in a bounded Caffeine store that forgets
 * idle clients, so a flood of distinct clients costs bounded memory. The limiters are deliberately
 * not registered in Resilience4j's registry: that would keep every client forever and tag metrics
 * with client ids. Metrics are per group instead.
 */
public class ClientLimiters {

    /** What the caller is told about its budget: enough for the 429 and the RateLimit headers. */
    public record Decision(String group, boolean permitted, int limit, long windowSeconds, int remaining,
                           long resetSeconds, long retryAfterSeconds) {
    }

    private record Budget(String group, RateLimiterConfig config, int limit, Duration period, Counter permitted,
                          Counter rejected) {
    }

    /** The limiter and when its first window started: Resilience4j counts windows from its creation. */
    private record ClientLimiter(AtomicRateLimiter limiter, long createdNanos) {
    }

    private final Map<String, Budget> budgets = new HashMap<>();
    private final Cache<String, ClientLimiter> limiters;

    public ClientLimiters(RateLimitProperties properties, MeterRegistry meters) {
        properties.groups().forEach((name, group) -> budgets.put(name, new Budget(name,
                RateLimiterConfig.custom()
                        .limitForPeriod(group.limit())
                        .limitRefreshPeriod(group.period())
                        .timeoutDuration(Duration.ZERO)
                        .build(),
                group.limit(), group.period(),
                counter(meters, name, "permitted"), counter(meters, name, "rejected"))));
        this.limiters = Caffeine.newBuilder()
                .maximumSize(Math.max(1, properties.maxClients()) * Math.max(1, budgets.size()))
                .expireAfterAccess(properties.idleExpiry())
                .build();
        Gauge.builder("hirepipe.gateway.rate.limit.clients", limiters, Cache::estimatedSize)
                .description("Client limiters currently held (bounded by max-clients per group)")
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String group, String outcome) {
        return Counter.builder("hirepipe.gateway.rate.limit.requests")
                .description("Requests checked against a rate-limit group")
                .tag("group", group)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Takes one permit from the client's budget in the group, never waiting. */
    public Decision acquire(String group, String clientKey) {
        Budget budget = budgets.get(group);
        if (budget == null) {
            throw new IllegalArgumentException("No rate-limit group '" + group + "' is configured");
        }
        ClientLimiter client = limiters.get(group + '\u0000' + clientKey,
                key -> new ClientLimiter(new AtomicRateLimiter(group, budget.config()), System.nanoTime()));
        boolean permitted;
        // AtomicRateLimiter parks the thread after a lost compare-and-set; one busy client over many
        // connections would park event-loop threads. Taking turns per client avoids that contention.
        synchronized (client) {
            permitted = client.limiter().acquirePermission();
        }
        (permitted ? budget.permitted() : budget.rejected()).increment();
        long periodNanos = budget.period().toNanos();
        long intoWindow = (System.nanoTime() - client.createdNanos()) % periodNanos;
        long resetSeconds = ceilSeconds(periodNanos - intoWindow);
        int remaining = Math.max(0, client.limiter().getMetrics().getAvailablePermissions());
        long retryAfter = permitted ? 0
                : Math.max(1, ceilSeconds(client.limiter().getDetailedMetrics().getNanosToWait()));
        return new Decision(group, permitted, budget.limit(), Math.max(1, ceilSeconds(periodNanos)), remaining,
                resetSeconds, retryAfter);
    }

    long heldLimiters() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
