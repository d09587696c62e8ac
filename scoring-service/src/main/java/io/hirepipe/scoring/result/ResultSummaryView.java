package io.hirepipe.scoring.result;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String invitationId,
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
        @Schema(example = "Backend basics") String testTitle,
        ResultView.CandidateView candidate,
        @Schema(example = "29.0") BigDecimal points,
        @Schema(example = "40") int maxPoints,
        @Schema(example = "72.5") double percent,
        @Schema(example = "60") int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        Instant submittedAt,
        Instant scoredAt,
        boolean provisional,
        @Schema(example = "1") int reviewCount,
        @Schema(example = "75") Integer percentile,
        @Schema(example = "2280") Long timeTakenSeconds,
        IntegrityCounts integrity,
        @Schema(example = "gh-application-4711") String externalReference) {

    static ResultSummaryView of(ScoringResult result, Integer percentile) {
        return new ResultSummaryView(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                ResultView.CandidateView.of(result.candidate()), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.submittedAt(), result.scoredAt(), result.provisional(), result.reviewCount(), percentile,
                result.timeTakenSeconds(), result.integrity(), result.externalReference());
    }
}
