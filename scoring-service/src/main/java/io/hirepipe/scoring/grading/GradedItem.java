package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met; empty otherwise
 * @param title              the question's title as the candidate saw it, passed through from the
 *                           submission; null when an older producer did not send it
 */
public record GradedItem(String questionId, int questionVersion, QuestionKind kind, int points, int maxPoints,
                         List<String> matchedKeyPointIds, String title) {

    public GradedItem {
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
    }
}
