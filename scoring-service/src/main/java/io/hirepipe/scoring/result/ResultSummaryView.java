package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.SubmitReason;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of a result list: the totals without the per-question breakdown. */
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
        int reviewCount) {

    static ResultSummaryView of(ScoringResult result) {
        return new ResultSummaryView(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                ResultView.CandidateView.of(result.candidate()), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.submittedAt(), result.scoredAt(), result.provisional(), result.reviewCount());
    }
}
