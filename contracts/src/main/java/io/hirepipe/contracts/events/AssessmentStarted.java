package io.hirepipe.contracts.events;

import java.time.Instant;

public record AssessmentStarted(
        String invitationId,
        String sessionId,
        Instant startedAt,
        Instant deadline) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
