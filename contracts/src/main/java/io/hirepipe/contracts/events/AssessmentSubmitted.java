package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A session closed, by the candidate or by its deadline. Emitted exactly once per session.
 *
 * @param externalReference the platform client's reference of the invitation; v2, null when not given
 *                          and in v1 events
 * @param timeTakenSeconds  from start to submission; v2, null in v1 events
 * @param integrity         the browser's integrity signals, counted per kind; v2, null in v1 events
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
        String externalReference,
        Long timeTakenSeconds,
        IntegrityCounts integrity) implements EventPayload {

    public AssessmentSubmitted {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A submission as v1 described it, without reference, time taken or integrity counts. */
    public AssessmentSubmitted(String sessionId, String invitationId, String testId, String testTitle, Person candidate,
                               String recruiterEmail, int passMarkPercent, SubmitReason reason, Instant startedAt,
                               Instant submittedAt, List<SubmittedAnswer> answers) {
        this(sessionId, invitationId, testId, testTitle, candidate, recruiterEmail, passMarkPercent, reason, startedAt,
                submittedAt, answers, null, null, null);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
