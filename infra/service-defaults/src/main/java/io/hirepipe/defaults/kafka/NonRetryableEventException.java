package io.hirepipe.defaults.kafka;

/**
 * A listener throws this when an event can never succeed (it breaks an invariant), so the error
 * handler dead-letters it at once instead of retrying.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
