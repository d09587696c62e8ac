package io.hirepipe.notification.delivery;

public enum DeliveryStatus {
    /** Recorded, not (known to be) sent: a crash right after sending leaves this, so the retry may send twice. */
    PENDING,
    /** The SMTP server accepted the message; a redelivered event sends nothing. */
    SENT,
    /**
     * The SMTP server could not take it; this service tries again at {@code nextAttemptAt}, from this log (not
     * from Kafka), with growing pauses, until it is sent or {@code give-up-after} has passed.
     */
    RETRYING,
    /** It will not be sent: the message cannot be built, the address is invalid, or retries gave up. */
    FAILED
}
