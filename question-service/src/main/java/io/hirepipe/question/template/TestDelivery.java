package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
        @Schema(example = "Backend basics") String title,
        @Schema(example = "45") int durationMinutes,
        @Schema(example = "60") int passMarkPercent,
        List<DeliveredQuestion> questions,
        @Schema(example = "3") int testVersion,
        boolean perSession,
        boolean shuffleOptions,
        @Schema(example = "Answer every question; you can go back until you submit.") String instructions,
        boolean drawnFromPools) {

    record DeliveredQuestion(
            @Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
            @Schema(example = "2") int version,
            QuestionKind kind,
            @Schema(example = "Design a rate limiter") String title,
            @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") String prompt,
            List<ChoiceOption> options,
            @Schema(example = "40") int maxPoints,
            @Schema(example = "<p>How would you limit each API client to <strong>100 requests per minute</strong> across several instances?</p>") String promptHtml) {
    }
}
