package io.hirepipe.question.template;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * A test as a candidate will take it, for assessment-service to freeze into a session. Deliberately
 * has no field for answer keys or rubrics: they cannot leak through this view by accident.
 */
record TestDelivery(
        String testId,
        String title,
        int durationMinutes,
        int passMarkPercent,
        List<DeliveredQuestion> questions) {

    record DeliveredQuestion(
            String questionId,
            int version,
            QuestionKind kind,
            String title,
            String prompt,
            List<ChoiceOption> options,
            int maxPoints,
            String promptHtml) {
    }
}
