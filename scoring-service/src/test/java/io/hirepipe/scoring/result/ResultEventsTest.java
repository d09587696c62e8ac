package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ResultEventsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theScoredEventSaysWhyEachItemAwaitsReviewAndNothingForOneThatDoesNot() {
        ScoringResult result = new ScoringResult("ses-1", "acme", "inv-1", "test-1", "Backend basics",
                new ScoringResult.Candidate("Ada Lovelace", "ada@example.org"), "rita@acme.example",
                new BigDecimal("3.00"), 8, 37.5, 60, false, SubmitReason.CANDIDATE, T0.minusSeconds(1800),
                T0.minusSeconds(5), T0, List.of(
                item("q-waiting", ItemStatus.NEEDS_REVIEW, null, Set.of("NEAR_THRESHOLD", "MOSTLY_OFF_TOPIC")),
                item("q-settled", ItemStatus.NEEDS_REVIEW, new BigDecimal("3.00"), Set.of("LOW_CONFIDENCE")),
                item("q-sure", ItemStatus.SCORED, null, Set.of())),
                "evt-ses-1", List.of(), ScoringResult.State.PROVISIONAL, 1, null, null, 0L, null, null, null, null, null);

        var items = ResultEvents.scored(result).items();

        assertThat(items.get(0).evidence().reviewReasons()).containsExactly(
                "the score lies on the boundary between two grades",
                "most of the answer is not about the question: it may make its points in its own words, or wander off them");
        assertThat(items.get(1).evidence().reviewReasons()).as("a person settled it").isEmpty();
        assertThat(items.get(2).evidence().reviewReasons()).isEmpty();
    }

    private static ScoringResult.Item item(String questionId, ItemStatus status, BigDecimal humanPoints, Set<String> flags) {
        ScoringResult.Evidence evidence = new ScoringResult.Evidence(0.6, List.of(), List.of(), flags);
        return new ScoringResult.Item(questionId, 1, QuestionKind.FREE_TEXT, new BigDecimal("1.00"), 4, List.of(),
                "Question " + questionId, status, null, humanPoints, false, evidence, List.of(), List.of(), null);
    }
}
