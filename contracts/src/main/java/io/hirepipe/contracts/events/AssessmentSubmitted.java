package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A session closed, by the candidate or by its deadline. Emitted exactly once per session.
 *
 * @param testVersion    the published version of the test the session was started from; null from
 *                       producers that do not know test versions yet (readers take it as version 1:
 *                       until tests were versioned, a test was never changed after creation)
 * @param drawnFromPools true when some of the session's questions were drawn from pools, so other
 *                       sessions of the same test version may have had other questions; null when
 *                       the producer does not say
 */
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
        List<SubmittedAnswer> answers,
        Integer testVersion,
        Boolean drawnFromPools) implements EventPayload {

    public AssessmentSubmitted {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** As producers wrote it before tests had versions and pools. */
    public AssessmentSubmitted(String sessionId, String invitationId, String testId, String testTitle,
                               Person candidate, String recruiterEmail, int passMarkPercent, SubmitReason reason,
                               Instant startedAt, Instant submittedAt, List<SubmittedAnswer> answers) {
        this(sessionId, invitationId, testId, testTitle, candidate, recruiterEmail, passMarkPercent, reason,
                startedAt, submittedAt, answers, null, null);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
