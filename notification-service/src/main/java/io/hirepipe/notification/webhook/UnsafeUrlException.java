package io.hirepipe.notification.webhook;

/** A webhook URL this service will not call; the message says why, in words a subscriber can act on. */
public class UnsafeUrlException extends Exception {

    public UnsafeUrlException(String message) {
        super(message);
    }
}
