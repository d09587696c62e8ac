package io.hirepipe.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of the tenant's email log. */
public record EmailDeliveryView(
        @Schema(example = "eml_6Yb2Ks8Lq4Rt7Wc") String id,
        DeliveryKind kind,
        @Schema(example = "ada@example.org") String recipient,
        @Schema(example = "Your Backend basics assessment") String subject,
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String subjectRef,
        DeliveryStatus status,
        @Schema(example = "3") int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant sentAt,
        Instant nextAttemptAt,
        @Schema(example = "SMTP 421: try again later") String lastError) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the recipient, and the subject may name the
     * candidate.
     */
    @Override
    public String toString() {
        return "EmailDeliveryView[id=" + id + ", kind=" + kind + ", subjectRef=" + subjectRef + ", status=" + status
                + ", attempts=" + attempts + ", recipient and subject hidden]";
    }

    static EmailDeliveryView of(EmailDelivery delivery) {
        return new EmailDeliveryView(delivery.id(), delivery.kind(), delivery.recipient(), delivery.subject(),
                delivery.subjectRef(), delivery.status(), delivery.attempts(), delivery.createdAt(),
                delivery.lastAttemptAt(), delivery.sentAt(), delivery.nextAttemptAt(), delivery.lastError());
    }
}
