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
 * @param previousItemPoints what the item had just before this adjustment (the machine's points the first time, a
 *                           reviewer's after that); null before schema version 3
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
        String recruiterEmail,
        BigDecimal previousItemPoints) implements EventPayload {

    public ScoreAdjusted {
        itemPoints = Points.twoDecimals(itemPoints);
        points = Points.twoDecimals(points);
        machineItemPoints = Points.twoDecimals(machineItemPoints);
        previousItemPoints = Points.twoDecimals(previousItemPoints);
    }

    /** As before schema version 3: the item's points before this adjustment unknown. */
    public ScoreAdjusted(String sessionId, String questionId, BigDecimal itemPoints, String reason, String adjustedBy,
                         BigDecimal points, int maxPoints, double percent, boolean passed, Instant adjustedAt,
                         BigDecimal machineItemPoints, String questionTitle, boolean provisional, int reviewCount,
                         String invitationId, String testTitle, Person candidate, String recruiterEmail) {
        this(sessionId, questionId, itemPoints, reason, adjustedBy, points, maxPoints, percent, passed, adjustedAt,
                machineItemPoints, questionTitle, provisional, reviewCount, invitationId, testTitle, candidate,
                recruiterEmail, null);
    }

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
