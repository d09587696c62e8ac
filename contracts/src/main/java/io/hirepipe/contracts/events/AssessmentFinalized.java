package io.hirepipe.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provisional result became final: every item awaiting review was resolved by a person or its
 * machine score accepted. The totals are final; an ATS may act on them.
 *
 * @param finalizedBy   who finalised: a recruiter's email, or the platform key's id
 * @param acceptedCount review items whose machine score was accepted as it was
 * @param adjustedCount items a person set the points of, over the result's life
 */
public record AssessmentFinalized(
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
        int acceptedCount,
        int adjustedCount,
        String finalizedBy,
        Instant finalizedAt) implements EventPayload {

    public AssessmentFinalized {
        points = Points.twoDecimals(points == null ? BigDecimal.ZERO : points);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
