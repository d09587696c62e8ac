package io.hirepipe.question.bank;

/** A resource and its current entity tag, for responses that carry an ETag header. */
public record Tagged<T>(T value, String etag) {
}
