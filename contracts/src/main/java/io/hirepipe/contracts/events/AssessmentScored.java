package io.hirepipe.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A session was scored.
 *
 * @param points      at most two decimal places (partial credit)
 * @param provisional some items await a person's review: the score may still change, and
 *                    {@link AssessmentFinalized} follows once it is final. False means final now.
 * @param reviewCount how many items await review
 * @param submittedAt when the candidate's submission was accepted (from schema version 3; null in older
 *                    events), so that consumers can measure submit → report
 */
public record AssessmentScored(
        String sessionId,
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        BigDecimal points,
        int maxPoints,
        double percent,
        int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        List<ItemScore> items,
        Instant scoredAt,
        boolean provisional,
        int reviewCount,
        Instant submittedAt) implements EventPayload {

    public AssessmentScored {
        points = Points.twoDecimals(points == null ? BigDecimal.ZERO : points);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** As before schema version 3: the submit time unknown. */
    public AssessmentScored(String sessionId, String invitationId, String testId, String testTitle, Person candidate,
                            String recruiterEmail, BigDecimal points, int maxPoints, double percent,
                            int passMarkPercent, boolean passed, SubmitReason submitReason, List<ItemScore> items,
                            Instant scoredAt, boolean provisional, int reviewCount) {
        this(sessionId, invitationId, testId, testTitle, candidate, recruiterEmail, points, maxPoints, percent,
                passMarkPercent, passed, submitReason, items, scoredAt, provisional, reviewCount, null);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
