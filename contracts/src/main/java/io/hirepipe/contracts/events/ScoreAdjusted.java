package io.hirepipe.contracts.events;

import java.time.Instant;

/** A reviewer changed the points of one item; the totals are the session's new totals. */
public record ScoreAdjusted(
        String sessionId,
        String questionId,
        int itemPoints,
        String reason,
        String adjustedBy,
        int points,
        int maxPoints,
        double percent,
        boolean passed,
        Instant adjustedAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
