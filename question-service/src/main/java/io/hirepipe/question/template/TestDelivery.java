package io.hirepipe.question.template;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * A test as a candidate will take it, for assessment-service to freeze into a session. Deliberately
 * has no field for answer keys or rubrics: they cannot leak through this view by accident.
 *
 * @param testVersion    the published test version the session starts from
 * @param perSession     true when pools or shuffles make this delivery specific to the session id it was
 *                       drawn for: it must not be reused for another session
 * @param shuffleOptions whether the options of choice questions are shuffled per session
 * @param drawnFromPools true when a section drew questions from a pool, so other sessions may get other
 *                       questions (item analysis then leaves out whole-test reliability)
 */
record TestDelivery(
        String testId,
        String title,
        int durationMinutes,
        int passMarkPercent,
        List<DeliveredQuestion> questions,
        int testVersion,
        boolean perSession,
        boolean shuffleOptions,
        String instructions,
        boolean drawnFromPools) {

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
