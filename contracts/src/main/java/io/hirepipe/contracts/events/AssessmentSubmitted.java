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
        Integer testVersion,
        Boolean drawnFromPools,
        String externalReference,
        Long timeTakenSeconds,
        IntegrityCounts integrity) implements EventPayload {

    public AssessmentSubmitted {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A submission as v1 described it: no test version, pools, reference, time taken or integrity counts. */
    public AssessmentSubmitted(String sessionId, String invitationId, String testId, String testTitle, Person candidate,
                               String recruiterEmail, int passMarkPercent, SubmitReason reason, Instant startedAt,
                               Instant submittedAt, List<SubmittedAnswer> answers) {
        this(sessionId, invitationId, testId, testTitle, candidate, recruiterEmail, passMarkPercent, reason, startedAt,
                submittedAt, answers, null, null, null, null, null);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
