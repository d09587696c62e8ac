package io.hirepipe.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One line of a subscription's delivery log; with its attempts when read one at a time.
 *
 * @param id the {@code webhook-id} header the receiver saw
 */
public record DeliveryView(
        String id,
        String eventId,
        String type,
        WebhookDelivery.Status status,
        int attempts,
        Integer lastStatusCode,
        Long lastLatencyMs,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AttemptView> attemptLog) {

    static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryView(d.id(), d.eventId(), d.type(), d.status(), d.attempts(), d.lastStatusCode(),
                d.lastLatencyMs(), d.lastError(), d.createdAt(), d.lastAttemptAt(),
                d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(),
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
    }

    public record AttemptView(int number, Instant at, Integer statusCode, long latencyMs, String error) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.number(), a.at(), a.statusCode(), a.latencyMs(), a.error());
        }
    }
}
