package io.hirepipe.assessment.questions;

import java.util.List;

/**
 * A test as question-service delivers it to a new session ({@code GET /api/tests/{id}/delivery?sessionId=}):
 * no keys.
 *
 * @param testVersion    the published test version drawn from; null from question-service before test versions
 * @param perSession     true when pools or shuffles drew it for one session id: never reuse it for another
 * @param shuffleOptions whether to shuffle choice options per session; null (older question-service) means yes
 */
public record TestDelivery(
        String testId,
        String title,
        int durationMinutes,
        int passMarkPercent,
        List<DeliveredQuestion> questions,
        Integer testVersion,
        boolean perSession,
        Boolean shuffleOptions) {

    public TestDelivery {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public TestDelivery(String testId, String title, int durationMinutes, int passMarkPercent,
                        List<DeliveredQuestion> questions) {
        this(testId, title, durationMinutes, passMarkPercent, questions, null, false, null);
    }

    public boolean shufflesOptions() {
        return !Boolean.FALSE.equals(shuffleOptions);
    }
}
