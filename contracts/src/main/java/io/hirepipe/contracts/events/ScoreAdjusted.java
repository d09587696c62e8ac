package io.hirepipe.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reviewer set the points of one item; the totals are the session's new totals. Points have at
 * most two decimal places.
 *
 * @param itemPoints         the item's new points, the reviewer's
 * @param machineItemPoints  what the machine had given the item; null from older producers
 * @param adjustedBy         who set it: a recruiter's email, or the platform key's id
 * @param provisional        the result still awaits review or finalisation
 * @param reviewCount        items still awaiting review
 * @param invitationId       the session's invitation, so consumers need no lookup; null from older producers
 * @param recruiterEmail     who receives the session's reports; null from older producers
 */
public record ScoreAdjusted(
        String sessionId,
        String questionId,
        BigDecimal itemPoints,
        String reason,
        String adjustedBy,
        BigDecimal points,
        int maxPoints,
        double percent,
        boolean passed,
        Instant adjustedAt,
        BigDecimal machineItemPoints,
        String questionTitle,
        boolean provisional,
        int reviewCount,
        String invitationId,
        String testTitle,
        Person candidate,
        String recruiterEmail) implements EventPayload {

    public ScoreAdjusted {
        itemPoints = Points.twoDecimals(itemPoints);
        points = Points.twoDecimals(points);
        machineItemPoints = Points.twoDecimals(machineItemPoints);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
