package io.hirepipe.contracts.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * @param points             the item's points, at most two decimal places (partial credit); the
 *                           human value where a reviewer set one
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met
 * @param title              the question's title as the candidate saw it; may be null from older producers
 * @param status             {@link ItemStatus#SCORED} when an older producer did not say
 * @param evidence           for free-text items, what the answer met and missed; null otherwise and
 *                           from older producers
 */
public record ItemScore(
        String questionId,
        int questionVersion,
        QuestionKind kind,
        BigDecimal points,
        int maxPoints,
        List<String> matchedKeyPointIds,
        String title,
        ItemStatus status,
        ItemEvidence evidence) {

    public ItemScore {
        points = Points.twoDecimals(points == null ? BigDecimal.ZERO : points);
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
        status = status == null ? ItemStatus.SCORED : status;
    }
}
