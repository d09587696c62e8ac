package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.List;

public record AssessmentScored(
        String sessionId,
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        int points,
        int maxPoints,
        double percent,
        int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        List<ItemScore> items,
        Instant scoredAt) implements EventPayload {

    public AssessmentScored {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
