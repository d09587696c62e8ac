package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.contracts.events.SubmitReason;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a result list: the totals without the per-question breakdown.
 *
 * @param percentile        0..100: the share of the test's scored results in this tenant that scored lower,
 *                          ties counting half; see {@link PercentileRanks}
 * @param timeTakenSeconds  start to submission; null for results scored before it was reported
 * @param integrity         how often the browser reported focus lost, hidden, paste and copy; null likewise
 * @param externalReference the platform client's reference of the invitation, if it gave one
 */
public record ResultSummaryView(
        String sessionId,
        String invitationId,
        String testId,
        String testTitle,
        ResultView.CandidateView candidate,
        BigDecimal points,
        int maxPoints,
        double percent,
        int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        Instant submittedAt,
        Instant scoredAt,
        boolean provisional,
        int reviewCount,
        Integer percentile,
        Long timeTakenSeconds,
        IntegrityCounts integrity,
        String externalReference) {

    static ResultSummaryView of(ScoringResult result, Integer percentile) {
        return new ResultSummaryView(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                ResultView.CandidateView.of(result.candidate()), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.submittedAt(), result.scoredAt(), result.provisional(), result.reviewCount(), percentile,
                result.timeTakenSeconds(), result.integrity(), result.externalReference());
    }
}
