package io.hirepipe.assessment.questions;

import java.util.List;

/** A test as question-service delivers it to a new session ({@code GET /api/tests/{id}/delivery}): no keys. */
public record TestDelivery(
        String testId,
        String title,
        int durationMinutes,
        int passMarkPercent,
        List<DeliveredQuestion> questions) {

    public TestDelivery {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
