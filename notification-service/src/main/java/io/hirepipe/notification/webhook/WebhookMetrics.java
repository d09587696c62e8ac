package io.hirepipe.notification.webhook;

import io.hirepipe.defaults.metrics.ThrottledGauge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;

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

    WebhookMetrics(MeterRegistry meters, DeliveryQueue queue) {
        this.succeeded = attempts(meters, "succeeded");
        this.failed = attempts(meters, "failed");
        this.gone = attempts(meters, "gone");
        this.givenUp = Counter.builder("hirepipe.webhooks.deliveries.failed")
                .description("Deliveries that failed for good (retries used up, or subscription disabled)")
                .register(meters);
        this.disabled = Counter.builder("hirepipe.webhooks.subscriptions.disabled")
                .description("Subscriptions disabled by a 410 or by failing for days").register(meters);
        // A cached count refreshed at most every ten seconds, when scraped: counted in MongoDB because the queue is
        // shared by all instances and outlives them (a count kept from this instance's own events would miss
        // the others' and start from zero after a restart). It asks only for the deliveries that hold
        // awaitingAttempt: MongoDB counts them on the "due" index, the local stack's reads only them.
        ThrottledGauge.register(meters, "hirepipe.webhooks.pending", "Deliveries waiting for their first attempt or a retry",
                Duration.ofSeconds(10), queue::countAwaiting);
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

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("hirepipe.webhooks.attempts")
                .description("Webhook delivery attempts by outcome: succeeded (2xx), gone (410), failed (anything else)")
                .tag("outcome", outcome).register(meters);
    }
}
