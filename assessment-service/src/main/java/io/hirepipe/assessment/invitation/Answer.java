package io.hirepipe.assessment.invitation;

import java.time.Instant;
import java.util.List;

/**
 * The latest save of one question's answer.
 *
 * @param sequence the client's counter for this question; a save with a lower or equal one is stale
 */
public record Answer(List<String> selectedOptionIds, String text, long sequence, Instant savedAt) {

    public Answer {
        selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
    }
}
