package io.hirepipe.notification.delivery;

public enum DeliveryStatus {
    /** Recorded, not (known to be) sent: a crash right after sending leaves this, so the retry may send twice. */
    PENDING,
    /** The SMTP server accepted the message; a redelivered event sends nothing. */
    SENT,
    /** The last attempt failed; a redelivered or retried event tries again. */
    FAILED
}
