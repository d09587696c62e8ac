package io.hirepipe.defaults.problem;

import java.io.IOException;

/** Thrown while reading a request body that turns out larger than the configured limit. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
