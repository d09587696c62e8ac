package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;

import java.time.Instant;
import java.util.List;

/** A result with its per-question breakdown, as recruiters and platform clients read it. */
public record ResultView(
        String sessionId,
        String invitationId,
        String testId,
        String testTitle,
        CandidateView candidate,
        String recruiterEmail,
        int points,
        int maxPoints,
        double percent,
        int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        Instant startedAt,
        Instant submittedAt,
        Instant scoredAt,
        List<ItemView> items) {

    public record CandidateView(String name, String email) {

        static CandidateView of(ScoringResult.Candidate candidate) {
            return candidate == null ? null : new CandidateView(candidate.name(), candidate.email());
        }
    }

    /** @param title the question's title as the candidate saw it; null when the submission did not carry it */
    public record ItemView(String questionId, int questionVersion, QuestionKind kind, int points, int maxPoints,
                           List<String> matchedKeyPointIds, String title) {
    }

    static ResultView of(ScoringResult result) {
        return new ResultView(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                CandidateView.of(result.candidate()), result.recruiterEmail(), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.startedAt(), result.submittedAt(), result.scoredAt(),
                result.items().stream().map(item -> new ItemView(item.questionId(), item.questionVersion(),
                        item.kind(), item.points(), item.maxPoints(), item.matchedKeyPointIds(), item.title()))
                        .toList());
    }
}
