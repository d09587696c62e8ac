package io.hirepipe.notification.webhook;

import io.hirepipe.notification.webhook.WebhookDelivery.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Sends due deliveries. A small fixed pool of workers each claims one due delivery at a time
 * (a lease in MongoDB, so instances never run the same attempt) and sends it with a bounded
 * timeout; a subscription may hold only a few workers at once, so one hanging receiver cannot
 * starve the others. A subscription whose last attempt failed gets one worker at a time, and all such
 * subscriptions together at most {@code failing-workers}: a timeout holds a worker for seconds, so without that
 * cap a few receivers that hang (or a tenant's many subscriptions to one) would hold every worker, and every
 * other tenant's deliveries would wait behind their backlog. All state is in MongoDB: after a restart, pending
 * deliveries are simply due.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int MAX_ERROR_LENGTH = 300;

    private final DeliveryQueue queue;
    private final SubscriptionStore subscriptions;
    private final SecretCipher cipher;
    private final SsrfGuard guard;
    private final WebhookSender sender;
    private final SubscriptionDisabledNotice notice;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final Map<String, DeliveryChannel> channels;
    private final String instanceId = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Subscriptions (and partner callbacks) whose last attempt failed, as this instance last saw them. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final int failingWorkers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private ExecutorService workers;

    public WebhookDispatcher(DeliveryQueue queue, SubscriptionStore subscriptions, SecretCipher cipher,
                             SsrfGuard guard, WebhookSender sender, SubscriptionDisabledNotice notice,
                             WebhookProperties properties, Clock clock, WebhookMetrics metrics,
                             ObjectProvider<DeliveryChannel> channels) {
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.cipher = cipher;
        this.guard = guard;
        this.sender = sender;
        this.notice = notice;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.channels = channels.orderedStream().collect(Collectors.toUnmodifiableMap(DeliveryChannel::name, c -> c));
        this.failingWorkers = Math.min(properties.failingWorkers(), properties.workers());
    }

    /** Something became due: idle workers look now instead of at their next poll. */
    public void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "webhook-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            workers.submit(this::work);
        }
    }

    /** Lets attempts in flight finish (they are bounded by the timeouts) so none is cut off after sending. */
    @Override
    public void stop() {
        running = false;
        wake();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                Optional<WebhookDelivery> claimed = claim();
                if (claimed.isEmpty()) {
                    idle();
                } else {
                    int slot = reserveSlot(claimed.get());
                    if (slot > 0) {
                        attempt(claimed.get(), slot);
                    }
                }
            } catch (RuntimeException e) {
                // MongoDB unreachable, say: the lease (if any) expires and the delivery is retried
                log.warn("Webhook worker error: {}", e.toString());
                idle();
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (running) {
                work.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most overdue delivery of a subscription with a slot free: not one at its limit, nor, while the failing
     * subscriptions hold all the workers they may, one of theirs.
     */
    private Optional<WebhookDelivery> claim() {
        Set<String> busy = new HashSet<>();
        inFlight.forEach((subscription, count) -> {
            if (count.get() >= limitOf(subscription)) {
                busy.add(subscription);
            }
        });
        if (failingInFlight() >= failingWorkers) {
            busy.addAll(failing);
        }
        Instant now = clock.instant();
        return queue.claimDue(now, now.plus(properties.lease()), instanceId, busy);
    }

    /**
     * Takes one of the subscription's slots: its number (1 for the first in flight), or 0 when there is none.
     * Workers claim in parallel, so two can both see a subscription one short of its limit; the loser hands
     * its claim back instead of exceeding it.
     */
    private int reserveSlot(WebhookDelivery delivery) {
        String subscription = delivery.subscriptionId();
        AtomicInteger count = inFlight.computeIfAbsent(subscription, k -> new AtomicInteger());
        int slot = count.incrementAndGet();
        if (slot <= limitOf(subscription) && !(failing.contains(subscription) && failingInFlight() > failingWorkers)) {
            return slot;
        }
        count.decrementAndGet();
        queue.release(delivery);
        return 0;
    }

    private int limitOf(String subscription) {
        return failing.contains(subscription) ? 1 : properties.perSubscriptionLimit();
    }

    private int failingInFlight() {
        int sum = 0;
        for (String subscription : failing) {
            AtomicInteger count = inFlight.get(subscription);
            sum += count == null ? 0 : count.get();
        }
        return sum;
    }

    /** After an attempt: a failure puts the subscription under the failing limits, a success lifts them. */
    private void remember(String subscription, WebhookSender.Result result) {
        if (result.succeeded()) {
            failing.remove(subscription);
        } else {
            failing.add(subscription);
        }
    }

    /** Sends a claimed delivery and records the outcome; frees the slot {@link #reserveSlot} took. */
    private void attempt(WebhookDelivery delivery, int slot) {
        AtomicInteger count = inFlight.get(delivery.subscriptionId());
        try {
            if (delivery.channel() != null) {
                attemptOnChannel(delivery);
                return;
            }
            Optional<WebhookSubscription> found = subscriptions.find(delivery.tenantId(), delivery.subscriptionId());
            if (found.isEmpty()) {
                queue.end(delivery, Status.FAILED, new Update()
                        .set("lastError", "The subscription was deleted"));
                return;
            }
            WebhookSubscription subscription = found.get();
            if (!subscription.enabled()) {
                queue.end(delivery, Status.FAILED, new Update()
                        .set("lastError", "The subscription is disabled"));
                return;
            }
            // Failing or not as the record says (other instances' attempts count too). Failing: one attempt at a time,
            // within the failing subscriptions' share. Workers that claimed before this instance knew are checked here
            // (each of them: one may have learnt it while another was claiming); a claim beyond that is handed back,
            // due again at once.
            if (subscription.failingSince() == null) {
                failing.remove(subscription.id());
            } else {
                failing.add(subscription.id());
                if (slot > 1 || failingInFlight() > failingWorkers) {
                    queue.release(delivery);
                    return;
                }
            }
            Instant started = clock.instant();
            WebhookSender.Result result;
            try {
                result = send(delivery, subscription, started);
            } catch (RuntimeException e) {
                // an unreadable secret, say: recorded and retried like any failure, never stuck under a lease
                log.warn("Webhook {} could not be sent: {}", delivery.id(), e.toString());
                result = new WebhookSender.Result(null, 0, "Not sent: internal error " + e.getClass().getSimpleName());
            }
            queue.recordAttempt(new WebhookAttempt(delivery.id() + "-" + delivery.attempts(), delivery.tenantId(),
                    delivery.id(), delivery.attempts(), started, result.statusCode(), result.latencyMs(),
                    bounded(result.error())));
            metrics.attempt(result);
            remember(subscription.id(), result);
            conclude(delivery, subscription, result, started);
        } finally {
            count.decrementAndGet();
        }
    }

    private WebhookSender.Result send(WebhookDelivery delivery, WebhookSubscription subscription, Instant now) {
        URI url;
        try {
            // again at send time: the name may resolve elsewhere than when it was subscribed
            url = guard.check(subscription.url());
        } catch (UnsafeUrlException refused) {
            return new WebhookSender.Result(null, 0, "Refused by the SSRF guard: the URL " + refused.getMessage());
        }
        List<String> secrets = subscription.signingSecrets(now).stream()
                .map(s -> cipher.decrypt(s.encrypted(), subscription.id())).toList();
        long timestamp = now.getEpochSecond();
        String signature = WebhookSigner.signatureHeader(delivery.id(), timestamp, delivery.body(), secrets);
        return sender.post(url, delivery.id(), timestamp, signature, delivery.body());
    }

    private void conclude(WebhookDelivery delivery, WebhookSubscription subscription, WebhookSender.Result result,
                          Instant started) {
        Instant now = clock.instant();
        Update outcome = new Update().set("lastStatusCode", result.statusCode())
                .set("lastLatencyMs", result.latencyMs()).set("lastAttemptAt", started);
        if (result.succeeded()) {
            queue.end(delivery, Status.SUCCEEDED, outcome.set("deliveredAt", now)
                    .set("lastError", null));
            if (subscription.failingSince() != null || subscription.lastSuccessAt() == null
                    || subscription.lastSuccessAt().isBefore(now.minusSeconds(60))) {
                // a healthy subscription's last success is refreshed once a minute, not once per delivery
                subscriptions.recordSuccess(subscription, now);
            }
            log.info("Webhook {} ({}) delivered to subscription {} on attempt {}: {} in {} ms", delivery.id(),
                    delivery.type(), subscription.id(), delivery.attempts(), result.statusCode(), result.latencyMs());
            return;
        }
        if (result.gone()) {
            queue.end(delivery, Status.FAILED, outcome
                    .set("lastError", "The receiver answered 410 Gone: the subscription is disabled"));
            disable(subscription, "The receiver answered 410 Gone", now, null);
            return;
        }
        String error = bounded(result.error() != null ? result.error() : "HTTP " + result.statusCode());
        subscriptions.recordFailure(subscription, now);
        Instant failingSince = subscription.failingSince() == null ? now : subscription.failingSince();
        Instant failingUntil = now.minus(properties.disableAfter());
        // Not disabled when an administrator re-enabled or moved it during this attempt: the delivery then goes on
        // like any other failure.
        if (!failingSince.isAfter(failingUntil) && disable(subscription,
                "Every delivery failed for " + properties.disableAfter().toDays() + " days", now, failingUntil)) {
            queue.end(delivery, Status.FAILED, outcome.set("lastError", error));
            return;
        }
        retryOrGiveUp(delivery, outcome, error, result.retryAfter(), now);
    }

    /**
     * Another attempt after the schedule's next wait, or FAILED once the schedule is spent. A receiver that asked
     * for a longer wait ({@code Retry-After}, as Standard Webhooks says to honour) gets it, up to
     * {@code retry-after-limit}, so a receiver cannot park a delivery for good.
     */
    private void retryOrGiveUp(WebhookDelivery delivery, Update outcome, String error, Duration retryAfter,
                               Instant now) {
        int retry = delivery.attempts() - 1;
        if (retry >= properties.retrySchedule().size()) {
            queue.end(delivery, Status.FAILED, outcome.set("lastError", error));
            metrics.gaveUp();
            log.warn("Webhook {} to {} failed for good after {} attempts: {}", delivery.id(),
                    delivery.subscriptionId(), delivery.attempts(), error);
            return;
        }
        Duration wait = jittered(properties.retrySchedule().get(retry));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(properties.retryAfterLimit()) > 0 ? properties.retryAfterLimit()
                    : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        Instant next = now.plus(wait);
        queue.finish(delivery, outcome.set("lastError", error).set("nextAttemptAt", next));
        log.info("Webhook {} to {} failed on attempt {} ({}); next attempt at {}", delivery.id(),
                delivery.subscriptionId(), delivery.attempts(), error, next);
    }

    /**
     * A partner callback: the same attempt record and retry schedule as a webhook, without a
     * subscription to sign for, track or disable. 410 Gone ends it: the partner forgot the test.
     */
    private void attemptOnChannel(WebhookDelivery delivery) {
        DeliveryChannel channel = channels.get(delivery.channel());
        Instant started = clock.instant();
        WebhookSender.Result result;
        if (channel == null) {
            result = new WebhookSender.Result(null, 0, "Not sent: this instance has no channel " + delivery.channel());
        } else {
            try {
                result = channel.send(delivery);
            } catch (RuntimeException e) {
                log.warn("{} delivery {} could not be sent: {}", delivery.channel(), delivery.id(), e.toString());
                result = new WebhookSender.Result(null, 0, "Not sent: internal error " + e.getClass().getSimpleName());
            }
        }
        queue.recordAttempt(new WebhookAttempt(delivery.id() + "-" + delivery.attempts(), delivery.tenantId(),
                delivery.id(), delivery.attempts(), started, result.statusCode(), result.latencyMs(),
                bounded(result.error())));
        remember(delivery.subscriptionId(), result);
        Instant now = clock.instant();
        Update outcome = new Update().set("lastStatusCode", result.statusCode())
                .set("lastLatencyMs", result.latencyMs()).set("lastAttemptAt", started);
        if (result.succeeded()) {
            queue.end(delivery, Status.SUCCEEDED, outcome.set("deliveredAt", now).set("lastError", null));
            log.info("{} delivery {} ({}) sent on attempt {}: {} in {} ms", delivery.channel(), delivery.id(),
                    delivery.subscriptionId(), delivery.attempts(), result.statusCode(), result.latencyMs());
        } else if (result.gone()) {
            queue.end(delivery, Status.FAILED, outcome
                    .set("lastError", "The receiver answered 410 Gone"));
        } else {
            retryOrGiveUp(delivery, outcome,
                    bounded(result.error() != null ? result.error() : "HTTP " + result.statusCode()),
                    result.retryAfter(), now);
        }
    }

    /** @return whether this call disabled it */
    private boolean disable(WebhookSubscription subscription, String reason, Instant now, Instant failingUntil) {
        if (subscriptions.disable(subscription, reason, now, failingUntil)) {
            metrics.subscriptionDisabled();
            long stopped = queue.failPending(subscription.id(), "The subscription was disabled: " + reason);
            log.warn("Webhook subscription {} of tenant {} disabled: {} ({} pending deliveries stopped)",
                    subscription.id(), subscription.tenantId(), reason, stopped);
            notice.send(subscription, reason, now);
            return true;
        }
        return false;
    }

    private Duration jittered(Duration wait) {
        double factor = 1 + properties.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
    }

    private static String bounded(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
    }
}
