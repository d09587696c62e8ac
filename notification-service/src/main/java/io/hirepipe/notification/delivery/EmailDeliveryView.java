package io.hirepipe.notification.delivery;

import java.time.Instant;

/** One line of the tenant's email log. */
public record EmailDeliveryView(
        String id,
        DeliveryKind kind,
        String recipient,
        String subject,
        String subjectRef,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant sentAt,
        Instant nextAttemptAt,
        String lastError) {

    static EmailDeliveryView of(EmailDelivery delivery) {
        return new EmailDeliveryView(delivery.id(), delivery.kind(), delivery.recipient(), delivery.subject(),
                delivery.subjectRef(), delivery.status(), delivery.attempts(), delivery.createdAt(),
                delivery.lastAttemptAt(), delivery.sentAt(), delivery.nextAttemptAt(), delivery.lastError());
    }
}
