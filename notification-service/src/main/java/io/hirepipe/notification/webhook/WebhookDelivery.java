package io.hirepipe.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One logical delivery: one event to one subscription, unique per (eventId, subscriptionId). Its id
 * is the {@code webhook-id} header of every attempt, redeliveries included, so receivers can dedupe.
 *
 * @param body          the exact JSON sent, frozen when the event arrived; holds ids and scores, no secrets
 * @param nextAttemptAt when the dispatcher may next try it (PENDING only)
 * @param leaseUntil    while in the future, one dispatcher owns the attempt in flight; EPOCH when free
 * @param leaseOwner    which dispatcher instance holds the lease
 * @param channel       null for a tenant's webhook subscription; otherwise the {@link DeliveryChannel}
 *                      that sends it (a partner callback), and {@code subscriptionId} is that channel's key
 * @param awaitingAttempt true while PENDING, absent once the delivery ends (SUCCEEDED or FAILED); see
 *                      {@link DeliveryQueue}: the dispatcher's claim asks for it
 */
@Document(WebhookDelivery.COLLECTION)
public record WebhookDelivery(
        @Id String id,
        String tenantId,
        String subscriptionId,
        String eventId,
        String type,
        String body,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String leaseOwner,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        Long lastLatencyMs,
        String lastError,
        Instant deliveredAt,
        String channel,
        Boolean awaitingAttempt) {

    public static final String COLLECTION = "webhook_deliveries";
    static final String AWAITING_ATTEMPT = "awaitingAttempt";

    /**
     * A delivery a {@link DeliveryChannel} sends, due now. One per (eventId, key): enqueueing it
     * again changes nothing.
     *
     * @param key what the channel delivers to, in place of a subscription id
     */
    public static WebhookDelivery forChannel(String channel, String key, String tenantId, String eventId, String type,
                                             String body, Instant now) {
        return new WebhookDelivery("msg_" + java.util.UUID.randomUUID().toString().replace("-", ""), tenantId, key,
                eventId, type, body, Status.PENDING, 0, now, now, Instant.EPOCH, null, null, null, null, null, null,
                channel, true);
    }

    public enum Status {
        /** Waiting for its next (or first) attempt. */
        PENDING,
        /** A receiver answered 2xx. */
        SUCCEEDED,
        /** Retries are exhausted, or the subscription was disabled or deleted; a redeliver makes it PENDING again. */
        FAILED
    }
}
