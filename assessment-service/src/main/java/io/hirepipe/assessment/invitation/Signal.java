package io.hirepipe.assessment.invitation;

import java.time.Instant;

/**
 * @param at         when the browser says it happened (untrusted, kept for the reviewer)
 * @param receivedAt when the server recorded it
 */
public record Signal(SignalType type, Instant at, Instant receivedAt, String questionId) {
}
