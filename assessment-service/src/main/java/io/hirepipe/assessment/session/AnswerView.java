package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;

import java.time.Instant;
import java.util.List;

/**
 * The stored answer after a save.
 *
 * @param applied  false when the save was stale (its sequence not above the stored one) and ignored
 * @param deadline the session's current deadline: every save tells the browser when it moved
 */
public record AnswerView(String questionId, List<String> selectedOptionIds, String text, long sequence,
                         Instant savedAt, boolean applied, Instant deadline) {

    static AnswerView of(String questionId, Answer answer, boolean applied, Instant deadline) {
        return new AnswerView(questionId, answer.selectedOptionIds(), answer.text(), answer.sequence(),
                answer.savedAt(), applied, deadline);
    }
}
