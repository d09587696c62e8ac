package io.hirepipe.contracts.events;

import java.util.List;

/**
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met
 */
public record ItemScore(
        String questionId,
        int questionVersion,
        QuestionKind kind,
        int points,
        int maxPoints,
        List<String> matchedKeyPointIds) {

    public ItemScore {
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
    }
}
