package io.hirepipe.assessment.questions;

import java.util.List;

/**
 * A test as question-service delivers it to a new session ({@code GET /api/tests/{id}/delivery?sessionId=}):
 * no keys.
 *
 * @param testVersion    the published test version drawn from; null from question-service before test versions
 * @param perSession     true when pools or shuffles drew it for one session id: never reuse it for another
 * @param shuffleOptions whether to shuffle choice options per session; null (older question-service) means yes
 * @param drawnFromPools whether some questions were drawn from pools; null from an older question-service
 */
public record TestDelivery(
        String testId,
        String title,
        int durationMinutes,
        int passMarkPercent,
        List<DeliveredQuestion> questions,
        Integer testVersion,
        Boolean perSession,
        Boolean shuffleOptions,
        Boolean drawnFromPools) {

    public TestDelivery {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public TestDelivery(String testId, String title, int durationMinutes, int passMarkPercent,
                        List<DeliveredQuestion> questions) {
        this(testId, title, durationMinutes, passMarkPercent, questions, null, false, null, null);
    }

    /** Absent (older question-service) means the delivery is the same for every session. */
    public boolean drawnPerSession() {
        return Boolean.TRUE.equals(perSession);
    }

    public boolean shufflesOptions() {
        return !Boolean.FALSE.equals(shuffleOptions);
    }
}
