package io.hirepipe.assessment.invitation;

import java.time.Instant;

/**
 * The score summary scoring-service reported.
 *
 * @param eventId the AssessmentScored event applied; a redelivery of it changes nothing
 */
public record Score(int points, int maxPoints, double percent, boolean passed, Instant scoredAt, String eventId) {
}
