package io.hirepipe.notification.delivery;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One email this service is to send, unique per (eventId, recipient, kind). The body is kept only while a
 * retry is due, encrypted ({@code pendingMessage}), because an invitation carries the candidate's personal
 * link; it is removed as soon as the email is sent or given up.
 *
 * @param id            {@code dlv_<random>}, also the local part of the Message-ID
 * @param eventType     the wire type of the event that asked for this email
 * @param subjectRef    what the email is about: the invitation id or the session id
 * @param attempts      how many times sending was tried, the successful attempt included
 * @param lastError     why the last failed attempt failed; cleared when the email is sent
 * @param nextAttemptAt when the next retry is due (RETRYING), or until when a retrier holds it; else null
 * @param pendingMessage the message to retry, AES-GCM encrypted with the delivery id as associated data
 */
@Document(EmailDelivery.COLLECTION)
public record EmailDelivery(
        @Id String id,
        String tenantId,
        String eventId,
        String eventType,
        DeliveryKind kind,
        String recipient,
        String subject,
        String subjectRef,
        DeliveryStatus status,
        int attempts,
        String lastError,
        String messageId,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant sentAt,
        Instant nextAttemptAt,
        String pendingMessage,
        // when what the email reports happened (a report: the candidate's submit), for the lag of a retried email
        Instant lagFrom) {

    public static final String COLLECTION = "email_deliveries";
}
