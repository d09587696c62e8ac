package io.hirepipe.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One line of a subscription's delivery log; with its attempts when read one at a time.
 *
 * @param id the {@code webhook-id} header the receiver saw
 */
public record DeliveryView(
        @Schema(example = "msg_5f0c2a7e9b1d4c3a8e6f2b9d0a7c4e1f") String id,
        @Schema(example = "evt_2Xq8Lm5Rt7Wp4Kd") String eventId,
        @Schema(example = "assessment.finalized") String type,
        WebhookDelivery.Status status,
        @Schema(example = "3") int attempts,
        @Schema(example = "502") Integer lastStatusCode,
        @Schema(example = "840") Long lastLatencyMs,
        @Schema(example = "HTTP 502 from the endpoint") String lastError,
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

    public record AttemptView(@Schema(example = "1") int number,
                              Instant at,
                              @Schema(example = "502") Integer statusCode,
                              @Schema(example = "840") long latencyMs,
                              @Schema(example = "Test version 3 of t_8ZpQ3vN6cJw1TfHs could not be read") String error) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.number(), a.at(), a.statusCode(), a.latencyMs(), a.error());
        }
    }
}
