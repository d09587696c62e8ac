package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.assessment.invitation.Answer;

import java.time.Instant;
import java.util.List;

/**
 * The stored answer after a save.
 *
 * @param applied  false when the save was stale (its sequence not above the stored one) and ignored
 * @param deadline the session's current deadline: every save tells the browser when it moved
 */
public record AnswerView(@Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
                         @ArraySchema(schema = @Schema(example = "b")) List<String> selectedOptionIds,
                         @Schema(example = "A token bucket per client in Redis, refilled at 100 per minute.") String text,
                         @Schema(example = "7") long sequence,
                         Instant savedAt, boolean applied, Instant deadline) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print what the candidate wrote and chose. */
    @Override
    public String toString() {
        return "AnswerView[questionId=" + questionId + ", sequence=" + sequence + ", applied=" + applied
                + ", savedAt=" + savedAt + ", answer hidden]";
    }

    static AnswerView of(String questionId, Answer answer, boolean applied, Instant deadline) {
        return new AnswerView(questionId, answer.selectedOptionIds(), answer.text(), answer.sequence(),
                answer.savedAt(), applied, deadline);
    }
}
