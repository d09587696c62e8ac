package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met; empty otherwise
 */
public record GradedItem(String questionId, int questionVersion, QuestionKind kind, int points, int maxPoints,
                         List<String> matchedKeyPointIds) {

    public GradedItem {
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
    }
}
