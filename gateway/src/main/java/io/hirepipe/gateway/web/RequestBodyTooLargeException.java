package io.hirepipe.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed request body grew past the edge limit. */
public class RequestBodyTooLargeException extends ResponseStatusException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
