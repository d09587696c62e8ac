package io.hirepipe.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered. Defaults live in application.yml; each has an environment override.
 *
 * @param secretsKey             the key subscription secrets are encrypted with at rest (base64, at least 32 bytes)
 * @param allowInsecureLoopback  lets {@code http} and loopback receivers through the SSRF guard: local stack and tests only
 * @param publicBaseUrl          the gateway's public address, the base of the result URL in payloads
 * @param requestTimeout         an attempt that has no response within this is a failure
 * @param dnsTimeout             the longest wait for the receiver's name to resolve (the system resolver's own can be
 *                               much longer); a lookup without an answer in time fails the attempt, which is retried
 * @param dnsLookups             name lookups in flight at once in this instance; more fail at once
 * @param retrySchedule          the wait before each retry, in order; its length is the number of retries
 * @param jitter                 each wait varies by up to this fraction either way, so failed receivers are not hit in step
 * @param disableAfter           a subscription failing this long without one success is disabled
 * @param rotationOverlap        how long the previous secret keeps signing after a rotation
 * @param workers                attempts in flight at once in this instance
 * @param perSubscriptionLimit   attempts in flight at once for one subscription, so a slow receiver cannot take every worker
 * @param pollInterval           how often due deliveries are looked for when nothing wakes the dispatcher
 * @param lease                  how long a claimed delivery stays claimed; longer than an attempt can take
 * @param retryAfterLimit        the longest wait a receiver's {@code Retry-After} can ask for before the next retry
 * @param failingWorkers         attempts in flight at once, in this instance, to all subscriptions that are failing
 *                               together (each of them one at a time): the other workers stay free for the healthy
 */
@ConfigurationProperties("hirepipe.webhooks")
public record WebhookProperties(
        String secretsKey,
        boolean allowInsecureLoopback,
        URI publicBaseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        List<Duration> retrySchedule,
        double jitter,
        Duration disableAfter,
        Duration rotationOverlap,
        int workers,
        int perSubscriptionLimit,
        Duration pollInterval,
        Duration lease,
        int maxSubscriptionsPerTenant,
        Duration retryAfterLimit,
        int failingWorkers,
        Duration dnsTimeout,
        int dnsLookups) {

    public WebhookProperties {
        if (retrySchedule == null || retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("hirepipe.webhooks.retry-schedule must list at least one wait");
        }
        retrySchedule = List.copyOf(retrySchedule);
        retryAfterLimit = retryAfterLimit == null ? Duration.ZERO : retryAfterLimit;
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("hirepipe.webhooks.jitter must be in [0, 1)");
        }
        if (workers < 1 || perSubscriptionLimit < 1 || failingWorkers < 1) {
            throw new IllegalArgumentException(
                    "hirepipe.webhooks.workers, per-subscription-limit and failing-workers must be at least 1");
        }
        dnsTimeout = dnsTimeout == null ? Duration.ofSeconds(2) : dnsTimeout;
        dnsLookups = dnsLookups < 1 ? 4 : dnsLookups;
        if (lease.compareTo(requestTimeout.plus(connectTimeout).plus(dnsTimeout.multipliedBy(2))) <= 0) {
            throw new IllegalArgumentException(
                    "hirepipe.webhooks.lease must outlast an attempt (two DNS lookups + connect + request timeout)");
        }
    }

    /** The sum of the waits: how long a delivery is retried, jitter aside. */
    public Duration retrySpan() {
        return retrySchedule.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
