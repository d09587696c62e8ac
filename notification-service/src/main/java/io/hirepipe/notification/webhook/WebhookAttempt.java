package io.hirepipe.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One HTTP attempt of a delivery, for the delivery log.
 *
 * @param statusCode null when no response came (refused, timed out, blocked by the SSRF guard)
 * @param error      why it failed, in a line; null on success
 */
@Document(WebhookAttempt.COLLECTION)
public record WebhookAttempt(
        @Id String id,
        String tenantId,
        String deliveryId,
        int number,
        Instant at,
        Integer statusCode,
        long latencyMs,
        String error) {

    public static final String COLLECTION = "webhook_attempts";
}
