package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.List;

/** A session closed, by the candidate or by its deadline. Emitted exactly once per session. */
public record AssessmentSubmitted(
        String sessionId,
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        int passMarkPercent,
        SubmitReason reason,
        Instant startedAt,
        Instant submittedAt,
        List<SubmittedAnswer> answers) implements EventPayload {

    public AssessmentSubmitted {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
