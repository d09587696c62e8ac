package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A position in a list sorted by a time and then an id (newest first, ties broken by id), as an opaque string.
 *
 * <p>Two keys, because many rows share a timestamp; the id makes the order total, so no row is skipped or
 * repeated between pages. Clients must treat the encoded form as opaque; only this class reads it.
 *
 * @param at the sort time of the last row returned
 * @param id the id of the last row returned
 */
public record Cursor(Instant at, String id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 512;

    public Cursor {
        if (at == null || id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs a time and an id");
        }
    }

    public String encode() {
        return ENCODER.encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from a request parameter; null or blank means "from the start".
     *
     * @throws ProblemException 400 naming the {@code cursor} parameter when it was not issued by {@link #encode()}
     */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            if (encoded.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar <= 0) {
                throw new IllegalArgumentException("no separator");
            }
            Instant at = Instant.parse(plain.substring(0, bar));
            if (!QueryParameters.storable(at)) {
                throw new IllegalArgumentException("no time a row can have");
            }
            return new Cursor(at, plain.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-cursor",
                    "Parameter 'cursor' is not a cursor this API issued; pass back 'nextCursor' from the previous page.")
                    .with("parameter", "cursor");
        }
    }
}
