package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import io.hirepipe.scoring.answerkey.RubricMisconception;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

class SubmissionGraderTest {

    /** Stands in for the real graders: answers with whatever grade the test sets, and remembers what it was asked. */
    private final ScriptedGrader freeText = new ScriptedGrader();
    private final SubmissionGrader grader = new SubmissionGrader(freeText);

    private static final AnswerKey SINGLE = key("q-single", 1, QuestionKind.SINGLE_CHOICE, List.of("b"), List.of(), 2,
            null);
    private static final AnswerKey MULTI = key("q-multi", 3, QuestionKind.MULTI_CHOICE, List.of("a", "c"), List.of(), 3,
            null);
    private static final AnswerKey MULTI_PARTIAL = key("q-multi-partial", 1, QuestionKind.MULTI_CHOICE,
            List.of("a", "c", "d"), List.of(), 3, ChoiceScoring.PARTIAL);
    private static final AnswerKey FREE = new AnswerKey(AnswerKey.idOf("t1", "q-free", 2), "t1", "q-free", 2,
            QuestionKind.FREE_TEXT, List.of(), List.of(
            new RubricKeyPoint("copies", "Replication copies data to replicas", List.of("copy data replica"),
                    List.of("Every replica holds a full copy."), 3),
            new RubricKeyPoint("shard-key", "Names the shard key", List.of("shard key"), List.of(), 2)),
            5, false, "evt", Instant.EPOCH, "Replication vs sharding", "Explain replication and sharding.",
            List.of(new RubricMisconception("all-nodes", "Sharding copies all data to every node",
                    List.of("all data every node"), 1)), null, List.of(), List.of());

    @Test
    void gradesEveryKindAndAddsUp() {
        freeText.next = grade("4.5", false, Verdict.MET, Verdict.PARTLY_MET);
        AssessmentSubmitted submission = submission(70,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer("q-multi", 3, List.of("a"), null, "gRPC"),
                new SubmittedAnswer("q-free", 2, List.of(), "Replication copies the data; sharding uses a key.",
                        "Replication vs sharding"));

        ScoreSheet sheet = grader.grade(submission, keys(SINGLE, MULTI, FREE));

        assertThat(sheet.items()).extracting(GradedItem::questionId, i -> i.points().toPlainString(),
                        GradedItem::maxPoints, GradedItem::status)
                .containsExactly(
                        tuple("q-single", "2.00", 2, ItemStatus.SCORED),
                        tuple("q-multi", "0.00", 3, ItemStatus.SCORED),
                        tuple("q-free", "4.50", 5, ItemStatus.SCORED));
        assertThat(sheet.items()).extracting(GradedItem::title)
                .as("each item keeps the title the candidate saw")
                .containsExactly("Index trade-off", "gRPC", "Replication vs sharding");
        assertThat(sheet.items().get(2).matchedKeyPointIds()).as("only key points met in full")
                .containsExactly("copies");
        assertThat(sheet.items().get(2).freeText()).isSameAs(freeText.next);
        assertThat(sheet.points()).isEqualByComparingTo("6.5");
        assertThat(sheet.maxPoints()).isEqualTo(10);
        assertThat(sheet.percent()).isEqualTo(65.0);
        assertThat(sheet.passed()).isFalse();
        assertThat(sheet.reviewCount()).isZero();
    }

    @Test
    void theFreeTextGraderGetsTheWholeRubricOfTheVersionAnswered() {
        freeText.next = grade("2", false, Verdict.MET, Verdict.MISSED);
        grader.grade(submission(50, new SubmittedAnswer("q-free", 2, List.of(), "Replicas copy data.", "R")),
                keys(FREE));

        FreeTextRubric rubric = freeText.rubrics.get(0);
        assertThat(freeText.answers).containsExactly("Replicas copy data.");
        assertThat(rubric.questionKey()).isEqualTo("q-free:2");
        assertThat(rubric.prompt()).isEqualTo("Explain replication and sharding.");
        assertThat(rubric.keyPoints()).extracting(FreeTextRubric.Point::id, FreeTextRubric.Point::description,
                FreeTextRubric.Point::points).containsExactly(
                tuple("copies", "Replication copies data to replicas", 3),
                tuple("shard-key", "Names the shard key", 2));
        assertThat(rubric.keyPoints().get(0).examples()).containsExactly("Every replica holds a full copy.");
        assertThat(rubric.keyPoints().get(0).phrases()).containsExactly("copy data replica");
        assertThat(rubric.misconceptions()).extracting(FreeTextRubric.Misconception::id,
                FreeTextRubric.Misconception::penaltyPoints).containsExactly(tuple("all-nodes", 1));
    }

    @Test
    void anUnsureGradeMakesTheItemAwaitReview() {
        freeText.next = grade("2.5", true, Verdict.PARTLY_MET, Verdict.PARTLY_MET);

        ScoreSheet sheet = grader.grade(submission(50,
                new SubmittedAnswer("q-free", 2, List.of(), "Something about keys.", "R")), keys(FREE));

        assertThat(sheet.items().get(0).status()).isEqualTo(ItemStatus.NEEDS_REVIEW);
        assertThat(sheet.items().get(0).points()).isEqualByComparingTo("2.5");
        assertThat(sheet.reviewCount()).isEqualTo(1);
    }

    @Test
    void freeTextPointsStayWithinZeroAndTheItemMaximumWithTwoDecimals() {
        freeText.next = grade("7.006", false, Verdict.MET, Verdict.MET);
        assertThat(grader.grade(submission(50, new SubmittedAnswer("q-free", 2, List.of(), "x", "R")), keys(FREE))
                .points()).isEqualByComparingTo("5");

        freeText.next = grade("-1", false, Verdict.MISSED, Verdict.MISSED);
        assertThat(grader.grade(submission(50, new SubmittedAnswer("q-free", 2, List.of(), "x", "R")), keys(FREE))
                .points()).isZero();

        freeText.next = grade("1.005", false, Verdict.PARTLY_MET, Verdict.MISSED);
        assertThat(grader.grade(submission(50, new SubmittedAnswer("q-free", 2, List.of(), "x", "R")), keys(FREE))
                .points().toPlainString()).as("half-up to two places").isEqualTo("1.01");
    }

    @Test
    void blankAnswersAreUnansweredAndScoreZeroWhateverTheGraderSays() {
        freeText.next = grade("3", true, Verdict.MET, Verdict.MISSED);
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of(), null, "Index trade-off"),
                new SubmittedAnswer("q-free", 2, List.of(), "   \n ", "Replication vs sharding"));

        ScoreSheet sheet = grader.grade(submission, keys(SINGLE, FREE));

        assertThat(sheet.items()).extracting(GradedItem::status)
                .containsExactly(ItemStatus.UNANSWERED, ItemStatus.UNANSWERED);
        assertThat(sheet.points()).isZero();
        assertThat(sheet.maxPoints()).isEqualTo(7);
        assertThat(sheet.reviewCount()).as("nothing to review in a blank").isZero();
        assertThat(sheet.passed()).isFalse();
    }

    @Test
    void multipleChoiceUsesPartialCreditOnlyWhereTheQuestionSaysSo() {
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-multi", 3, List.of("a"), null, "gRPC"),
                new SubmittedAnswer("q-multi-partial", 1, List.of("a", "c", "b"), null, "Indexes"));

        ScoreSheet sheet = grader.grade(submission, keys(MULTI, MULTI_PARTIAL));

        assertThat(sheet.items().get(0).points()).as("all or nothing by default").isZero();
        assertThat(sheet.items().get(1).points()).as("3 × (2 right − 1 wrong) / 3").isEqualByComparingTo("1");
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
        AnswerKey v2 = key("q-single", 2, QuestionKind.SINGLE_CHOICE, List.of("c"), List.of(), 2, null);
        AssessmentSubmitted submission = submission(50,
                new SubmittedAnswer("q-single", 1, List.of("b"), null, "Index trade-off"));

        assertThat(grader.grade(submission, keys(SINGLE, v2)).points()).isEqualByComparingTo("2");
    }

    @Test
    void anAnswerFromAnOlderProducerWithoutATitleIsGradedWithNoTitle() {
        AssessmentSubmitted submission = submission(50, new SubmittedAnswer("q-single", 1, List.of("b"), null, null));

        GradedItem item = grader.grade(submission, keys(SINGLE)).items().get(0);

        assertThat(item.points()).isEqualByComparingTo("2");
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

    /** A grade over FREE's two key points (3 and 2 points) with the given verdicts. */
    private static FreeTextGrade grade(String points, boolean needsReview, Verdict copies, Verdict shardKey) {
        return new FreeTextGrade(new BigDecimal(points), 5, needsReview ? 0.3 : 0.9, needsReview, List.of(
                new KeyPointEvidence("copies", copies, copies == Verdict.MET ? 1 : 0.5, BigDecimal.ONE, "copies", 0.8),
                new KeyPointEvidence("shard-key", shardKey, 0, BigDecimal.ZERO, null, 0.1)), List.of(), Set.of());
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
                                 List<RubricKeyPoint> keyPoints, int maxPoints, ChoiceScoring scoring) {
        return new AnswerKey(AnswerKey.idOf("t1", questionId, version), "t1", questionId, version, kind, correct,
                keyPoints, maxPoints, false, "evt", Instant.EPOCH, questionId, "Prompt", List.of(), scoring,
                List.of(), List.of());
    }

    private static final class ScriptedGrader implements FreeTextGrader {
        FreeTextGrade next;
        final List<String> answers = new ArrayList<>();
        final List<FreeTextRubric> rubrics = new ArrayList<>();

        @Override
        public FreeTextGrade grade(String answer, FreeTextRubric rubric) {
            answers.add(answer);
            rubrics.add(rubric);
            return next != null ? next : new FreeTextGrade(BigDecimal.ZERO, rubric.maxPoints(), 1, false, List.of(),
                    List.of(), Set.of());
        }
    }
}
