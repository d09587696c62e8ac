package io.hirepipe.assessment.invitation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The score summary scoring-service reported, kept current by its adjustments and finalisation.
 *
 * @param points      at most two decimal places; the adjusted total once a reviewer changed an item
 * @param eventId     the AssessmentScored event applied; a redelivery of it changes nothing
 * @param provisional items await review or the result awaits finalisation: not a final score yet
 * @param reviewCount items awaiting a person's review
 * @param adjustedAt  when a reviewer last changed an item; an adjustment older than this is stale
 *                    (a redelivery) and changes nothing. Null until adjusted
 * @param finalizedAt when a provisional result was made final; null otherwise
 */
public record Score(BigDecimal points, int maxPoints, double percent, boolean passed, Instant scoredAt, String eventId,
                    boolean provisional, int reviewCount, Instant adjustedAt, Instant finalizedAt) {
}
