package io.hirepipe.contracts.events;

import java.util.List;

/**
 * The candidate's final answer to one question of the session, unanswered ones included (with no
 * selection and no text) so that scoring knows every item the candidate was given.
 *
 * @param title the question's title as the candidate saw it; may be null from older producers
 */
public record SubmittedAnswer(
        String questionId,
        int questionVersion,
        List<String> selectedOptionIds,
        String text,
        String title) {

    public SubmittedAnswer {
        selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
    }
}
