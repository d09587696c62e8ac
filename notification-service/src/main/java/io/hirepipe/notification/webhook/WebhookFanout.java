package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.notification.webhook.WebhookDelivery.Status;
import io.hirepipe.notification.webhook.WebhookPayloads.WebhookEvent;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one event into one durable delivery per subscription of its tenant that asked for its
 * type. The delivery is due at once; the dispatcher is woken so it need not wait for its next poll.
 */
@Service
public class WebhookFanout {

    private final SubscriptionStore subscriptions;
    private final DeliveryQueue queue;
    private final WebhookPayloads payloads;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    public WebhookFanout(SubscriptionStore subscriptions, DeliveryQueue queue, WebhookPayloads payloads,
                         WebhookDispatcher dispatcher, Clock clock) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.payloads = payloads;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * The deliveries the event makes, one per subscription of its tenant that asked for its type; nothing is
     * stored yet, so a caller can skip its other checks when there are none (most events have no subscriber).
     */
    public List<WebhookDelivery> deliveriesFor(EventEnvelope<?> envelope) {
        Optional<WebhookEvent> event = payloads.of(envelope);
        if (event.isEmpty()) {
            return List.of();
        }
        return subscriptions.subscribedTo(envelope.tenantId(), event.get().type()).stream()
                .map(s -> newDelivery(s, envelope.eventId(), event.get().type(), event.get().body())).toList();
    }

    /** Queues the deliveries (a redelivered event's are already queued and stay as they are) and wakes the dispatcher. */
    public void enqueue(List<WebhookDelivery> deliveries) {
        queue.enqueueAll(deliveries);
        if (!deliveries.isEmpty()) {
            dispatcher.wake();
        }
    }

    /** A test ping: a delivery like any other, so it shows in the log with its attempts. */
    public WebhookDelivery ping(WebhookSubscription subscription) {
        String pingId = "ping_" + UUID.randomUUID().toString().replace("-", "");
        WebhookDelivery delivery = newDelivery(subscription, pingId, WebhookEventType.TEST,
                payloads.ping(pingId, subscription.id(), now()));
        queue.enqueue(delivery);
        dispatcher.wake();
        return delivery;
    }

    private WebhookDelivery newDelivery(WebhookSubscription subscription, String eventId, String type, String body) {
        Instant now = now();
        return new WebhookDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""), subscription.tenantId(),
                subscription.id(), eventId, type, body, Status.PENDING, 0, now, now, Instant.EPOCH, null, null,
                null, null, null, null, null, true);
    }

    /** At the precision MongoDB stores, so a response shows the same instants a later read does. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
