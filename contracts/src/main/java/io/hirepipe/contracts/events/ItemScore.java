package io.hirepipe.contracts.events;

import java.util.List;

/**
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met
 * @param title the question's title as the candidate saw it; may be null from older producers
 */
public record ItemScore(
        String questionId,
        int questionVersion,
        QuestionKind kind,
        int points,
        int maxPoints,
        List<String> matchedKeyPointIds,
        String title) {

    public ItemScore {
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
    }
}
