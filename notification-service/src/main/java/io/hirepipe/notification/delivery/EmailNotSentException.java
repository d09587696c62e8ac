package io.hirepipe.notification.delivery;

/**
 * The SMTP server could not be reached or did not accept the message. Retryable on purpose: the
 * shared Kafka error handler tries the event again with back-off, and dead-letters it after its
 * last attempt; the delivery keeps the attempt count and the last error for operators.
 */
public class EmailNotSentException extends RuntimeException {

    public EmailNotSentException(String deliveryId, String reason, Throwable cause) {
        super("Email " + deliveryId + " not sent: " + reason, cause);
    }
}
