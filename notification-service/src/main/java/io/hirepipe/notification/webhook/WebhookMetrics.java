package io.hirepipe.notification.webhook;

import io.hirepipe.notification.webhook.WebhookDelivery.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook attempts by outcome, deliveries given up, subscriptions disabled and the deliveries
 * waiting for an attempt. No subscription or tenant id becomes a tag; the delivery log has those.
 */
@Component
class WebhookMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter gone;
    private final Counter givenUp;
    private final Counter disabled;
    private final MongoTemplate mongo;
    private final AtomicLong lastCountAt = new AtomicLong();
    private volatile long pending;

    WebhookMetrics(MeterRegistry meters, MongoTemplate mongo) {
        this.mongo = mongo;
        this.succeeded = attempts(meters, "succeeded");
        this.failed = attempts(meters, "failed");
        this.gone = attempts(meters, "gone");
        this.givenUp = Counter.builder("hirepipe.webhooks.deliveries.failed")
                .description("Deliveries that failed for good (retries used up, or subscription disabled)")
                .register(meters);
        this.disabled = Counter.builder("hirepipe.webhooks.subscriptions.disabled")
                .description("Subscriptions disabled by a 410 or by failing for days").register(meters);
        Gauge.builder("hirepipe.webhooks.pending", this::pendingDeliveries)
                .description("Deliveries waiting for their first attempt or a retry").register(meters);
    }

    void attempt(WebhookSender.Result result) {
        (result.succeeded() ? succeeded : result.gone() ? gone : failed).increment();
    }

    void gaveUp() {
        givenUp.increment();
    }

    void subscriptionDisabled() {
        disabled.increment();
    }

    /** Counted in MongoDB (shared by all instances, uses the "due" index), at most every ten seconds. */
    private double pendingDeliveries() {
        long now = System.currentTimeMillis();
        long last = lastCountAt.get();
        if (now - last > 10_000 && lastCountAt.compareAndSet(last, now)) {
            try {
                pending = mongo.count(Query.query(Criteria.where("status").is(Status.PENDING)), WebhookDelivery.class);
            } catch (RuntimeException e) {
                lastCountAt.set(last);
            }
        }
        return pending;
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("hirepipe.webhooks.attempts")
                .description("Webhook delivery attempts by outcome: succeeded (2xx), gone (410), failed (anything else)")
                .tag("outcome", outcome).register(meters);
    }
}
