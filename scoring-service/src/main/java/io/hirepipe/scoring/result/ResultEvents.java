package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.ItemEvidence;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.ScoreAdjusted;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The events a result's life emits, built from the result as stored. */
final class ResultEvents {

    private ResultEvents() {
    }

    static AssessmentScored scored(ScoringResult result) {
        return new AssessmentScored(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                person(result.candidate()), result.recruiterEmail(), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.items().stream().map(ResultEvents::itemScore).toList(), result.scoredAt(),
                result.provisional(), result.reviewCount(), result.submittedAt());
    }

    static ScoreAdjusted adjusted(ScoringResult result, ScoringResult.Item item, ScoringResult.Review review) {
        return new ScoreAdjusted(result.sessionId(), item.questionId(), item.points(), review.reason(),
                review.by().display(), result.points(), result.maxPoints(), result.percent(), result.passed(),
                review.at(), item.machinePoints(), item.title(), result.provisional(), result.reviewCount(),
                result.invitationId(), result.testTitle(), person(result.candidate()), result.recruiterEmail(),
                review.from());
    }

    static AssessmentFinalized finalized(ScoringResult result, int acceptedCount, Instant at) {
        int adjustedCount = (int) result.items().stream().filter(ScoringResult.Item::adjusted).count();
        return new AssessmentFinalized(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                person(result.candidate()), result.recruiterEmail(), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), acceptedCount, adjustedCount,
                result.finalizedBy(), at);
    }

    private static ItemScore itemScore(ScoringResult.Item item) {
        return new ItemScore(item.questionId(), item.questionVersion(), item.kind(), item.points(), item.maxPoints(),
                item.matchedKeyPointIds(), item.title(), item.status(), evidence(item));
    }

    /** The brief the events carry; spans and similarities stay in this service. */
    private static ItemEvidence evidence(ScoringResult.Item item) {
        ScoringResult.Evidence evidence = item.evidence();
        if (evidence == null) {
            return null;
        }
        return new ItemEvidence(points(evidence, "MET"::equals), points(evidence, "PARTLY_MET"::equals),
                points(evidence, "MISSED"::equals),
                evidence.misconceptions().stream()
                        .map(m -> new ItemEvidence.Point(m.id(), m.description())).toList(),
                evidence.confidence(), item.reviewReasons());
    }

    private static List<ItemEvidence.Point> points(ScoringResult.Evidence evidence, Predicate<String> verdict) {
        return evidence.keyPoints().stream().filter(k -> verdict.test(k.verdict()))
                .map(k -> new ItemEvidence.Point(k.id(), k.description())).toList();
    }

    private static Person person(ScoringResult.Candidate candidate) {
        return candidate == null ? null : new Person(candidate.name(), candidate.email());
    }
}
