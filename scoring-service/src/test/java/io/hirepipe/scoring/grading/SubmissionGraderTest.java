package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubmissionGraderTest {

    private static final RubricMatcher matcher = new RubricMatcher();
    private final SubmissionGrader grader = new SubmissionGrader(matcher);

    private static final AnswerKey SINGLE = key("q-single", 1, QuestionKind.SINGLE_CHOICE, List.of("b"), List.of(), 2);
    private static final AnswerKey MULTI = key("q-multi", 3, QuestionKind.MULTI_CHOICE, List.of("a", "c"), List.of(), 3);
    private static final AnswerKey FREE = key("q-free", 2, QuestionKind.FREE_TEXT, List.of(), List.of(
            new RubricKeyPoint("copies", List.of("copy data replica", "copies data replicas"), 3),
            new RubricKeyPoint("shard-key", List.of("shard key"), 2),
            new RubricKeyPoint("split", List.of("split data across servers"), 2)), 5);

    @AfterAll
    static void close() {
        matcher.close();
    }

    @Test
    void gradesEveryKindAndAddsUp() {
        AssessmentSubmitted submission = submission(70,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer("q-multi", 3, List.of("a"), null, "gRPC"),
                new SubmittedAnswer("q-free", 2, List.of(),
                        "Replication copies the data to replicas; sharding uses a shard key.",
                        "Replication vs sharding"));

        ScoreSheet sheet = grader.grade(submission, keys(SINGLE, MULTI, FREE));

        assertThat(sheet.items()).extracting(GradedItem::questionId, GradedItem::points, GradedItem::maxPoints)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q-single", 2, 2),
                        org.assertj.core.groups.Tuple.tuple("q-multi", 0, 3),
                        org.assertj.core.groups.Tuple.tuple("q-free", 5, 5));
        assertThat(sheet.items()).extracting(GradedItem::title)
                .as("each item keeps the title the candidate saw")
                .containsExactly("Index trade-off", "gRPC", "Replication vs sharding");
        assertThat(sheet.items().get(2).matchedKeyPointIds()).containsExactly("copies", "shard-key");
        assertThat(sheet.points()).isEqualTo(7);
        assertThat(sheet.maxPoints()).isEqualTo(10);
        assertThat(sheet.percent()).isEqualTo(70.0);
        assertThat(sheet.passed()).isTrue();
    }

    @Test
    void freeTextPointsAreCappedAtTheItemMaximum() {
        // key points worth 3 + 2 + 2 = 7 on an item worth 5
        AssessmentSubmitted submission = submission(50, new SubmittedAnswer("q-free", 2, List.of(),
                "We copy the data to replicas, split the data across servers and choose a shard key.",
                "Replication vs sharding"));

        ScoreSheet sheet = grader.grade(submission, keys(FREE));

        assertThat(sheet.items().get(0).matchedKeyPointIds()).containsExactly("copies", "shard-key", "split");
        assertThat(sheet.points()).isEqualTo(5);
    }

    @Test
    void unansweredItemsCountTowardsTheMaximum() {
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of(), null, "Index trade-off"),
                new SubmittedAnswer("q-free", 2, List.of(), null, "Replication vs sharding"));

        ScoreSheet sheet = grader.grade(submission, keys(SINGLE, FREE));

        assertThat(sheet.points()).isZero();
        assertThat(sheet.items()).extracting(GradedItem::title)
                .containsExactly("Index trade-off", "Replication vs sharding");
        assertThat(sheet.maxPoints()).isEqualTo(7);
        assertThat(sheet.passed()).isFalse();
    }

    @Test
    void aRepeatedAnswerCountsOnce() {
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"));

        assertThat(SubmissionGrader.refsOf(submission)).containsExactly(new AnswerKeyRef("q-single", 1));
        assertThat(grader.grade(submission, keys(SINGLE)).maxPoints()).isEqualTo(2);
    }

    @Test
    void theVersionAnsweredIsTheVersionScored() {
        AnswerKey v2 = key("q-single", 2, QuestionKind.SINGLE_CHOICE, List.of("c"), List.of(), 2);
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"));

        assertThat(grader.grade(submission, keys(SINGLE, v2)).points()).isEqualTo(2);
    }

    @Test
    void anAnswerFromAnOlderProducerWithoutATitleIsGradedWithNoTitle() {
        AssessmentSubmitted submission = submission(50, new SubmittedAnswer("q-single", 1, List.of("b"), null, null));

        GradedItem item = grader.grade(submission, keys(SINGLE)).items().get(0);

        assertThat(item.points()).isEqualTo(2);
        assertThat(item.title()).isNull();
    }

    @Test
    void refusesToScoreWithoutEveryKey() {
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer("q-multi", 3, List.of("a"), null, "gRPC"));

        assertThatIllegalArgumentException().isThrownBy(() -> grader.grade(submission, keys(SINGLE)))
                .withMessageContaining("q-multi@v3");
    }

    private static AssessmentSubmitted submission(int passMark, SubmittedAnswer... answers) {
        return new AssessmentSubmitted("ses-1", "inv-1", "test-1", "Backend basics", new Person("Ada", "ada@example.org"),
                "rec@example.org", passMark, SubmitReason.CANDIDATE, Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:30:00Z"), List.of(answers));
    }

    private static Map<AnswerKeyRef, AnswerKey> keys(AnswerKey... keys) {
        return Stream.of(keys).collect(Collectors.toMap(AnswerKey::ref, Function.identity()));
    }

    private static AnswerKey key(String questionId, int version, QuestionKind kind, List<String> correct,
                                 List<RubricKeyPoint> keyPoints, int maxPoints) {
        return new AnswerKey(AnswerKey.idOf("t1", questionId, version), "t1", questionId, version, kind, correct,
                keyPoints, maxPoints, false, "evt", Instant.EPOCH);
    }
}
