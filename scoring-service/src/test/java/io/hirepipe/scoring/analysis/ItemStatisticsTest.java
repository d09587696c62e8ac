package io.hirepipe.scoring.analysis;

import io.hirepipe.contracts.events.QuestionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Item analysis against small data sets whose statistics were worked out by hand below, and checked
 * with NumPy/SciPy (np.corrcoef, scipy.stats.pearsonr, np.percentile with its default linear method,
 * np.var(ddof=1)).
 */
class ItemStatisticsTest {

    private static final double EPS = 1e-6;

    /*
     * Six sessions of a fixed test: q1 single choice (1 point, key "a"), q2 single choice (1 point),
     * q3 free text (2 points). Total of 4.
     *
     *   session  q1 (picked)  q2  q3  total  percent
     *   S1       1  (a)       1   2   4      100
     *   S2       1  (a)       1   1   3       75
     *   S3       1  (a)       0   2   3       75
     *   S4       0  (b)       1   1   2       50
     *   S5       1  (a)       0   0   1       25
     *   S6       0  (blank)   0   0   0        0
     */
    private static List<Sitting> sixSessions() {
        return List.of(
                sitting(q1(1, "a"), q2(1), q3(2)),
                sitting(q1(1, "a"), q2(1), q3(1)),
                sitting(q1(1, "a"), q2(0), q3(2)),
                sitting(q1(0, "b"), q2(1), q3(1)),
                sitting(q1(1, "a"), q2(0), q3(0)),
                sitting(q1(0, null), q2(0), q3(0)));
    }

    private static final Map<Sitting.QuestionVersion, ChoiceOptions> Q1_OPTIONS = Map.of(
            new Sitting.QuestionVersion("q1", 1), new ChoiceOptions(List.of("a", "b", "c", "d"), List.of("a")));

    @Test
    void facilityIsTheMeanScoreOverTheMaximum() {
        List<ItemAnalysis> items = TestStatistics.items(sixSessions(), Q1_OPTIONS);

        // q1: 4 of 6 right → 4/6 = 0.6667; q2: 3/6 = 0.5; q3: (2+1+2+1+0+0)/6 = 1.0 point of 2 = 0.5
        assertThat(items).extracting(ItemAnalysis::questionId).containsExactly("q1", "q2", "q3");
        assertThat(items.get(0).facility()).isCloseTo(0.666667, within(EPS));
        assertThat(items.get(1).facility()).isCloseTo(0.5, within(EPS));
        assertThat(items.get(2).facility()).isCloseTo(0.5, within(EPS));
        assertThat(items.get(2).meanPoints()).isCloseTo(1.0, within(EPS));
        assertThat(items).extracting(ItemAnalysis::responses).containsOnly(6);
        assertThat(items.get(0).unanswered()).as("S6 left q1 blank").isEqualTo(1);
    }

    @Test
    void pointsDistributionCountsTheResponsesAtEachNumberOfPoints() {
        List<ItemAnalysis> items = TestStatistics.items(sixSessions(), Q1_OPTIONS);

        // q3 earned 2, 1, 2, 1, 0, 0; q1 (the blank of S6 at 0) 1, 1, 1, 0, 1, 0
        assertThat(items.get(2).pointsDistribution()).containsExactly(new ItemAnalysis.PointsCount(0, 2),
                new ItemAnalysis.PointsCount(1, 2), new ItemAnalysis.PointsCount(2, 2));
        assertThat(items.get(0).pointsDistribution()).containsExactly(new ItemAnalysis.PointsCount(0, 2),
                new ItemAnalysis.PointsCount(1, 4));
    }

    @Test
    void discriminationIsTheCorrectedItemTotalCorrelation() {
        List<ItemAnalysis> items = TestStatistics.items(sixSessions(), Q1_OPTIONS);

        /*
         * q1: x = 1 1 1 0 1 0 (mean 2/3), rest = total − q1 = 3 2 2 2 0 0 (mean 1.5; as a percent of the
         * other 3 points it is a linear transform, which leaves r unchanged).
         * deviations x: 1/3 1/3 1/3 −2/3 1/3 −2/3;  rest: 1.5 .5 .5 .5 −1.5 −1.5
         * Σdx·dy = .5 + 1/6 + 1/6 − 1/3 − .5 + 1 = 1;  Σdx² = 4/9 + 8/9 = 4/3;  Σdy² = 7.5
         * r = 1 / √(4/3 × 7.5) = 1/√10 = 0.316228
         * q2: x = 1 1 0 1 0 0, rest = 3 2 3 1 1 0 → r = 0.301511 (np.corrcoef)
         * q3: x = 2 1 2 1 0 0, rest = 2 2 1 1 1 0 → r = 0.594089 (np.corrcoef)
         */
        assertThat(items.get(0).discrimination()).isCloseTo(0.316228, within(EPS));
        assertThat(items.get(1).discrimination()).isCloseTo(0.301511, within(EPS));
        assertThat(items.get(2).discrimination()).isCloseTo(0.594089, within(EPS));
        assertThat(items.get(0).discriminationMethod()).isEqualTo("CORRECTED_ITEM_TOTAL_CORRELATION");
        assertThat(items).allSatisfy(item -> assertThat(item.flags()).doesNotContain("REVIEW_THIS_QUESTION"));
    }

    @Test
    void optionUseCountsPicksAndFlagsDistractorsNobodyChose() {
        ItemAnalysis q1 = TestStatistics.items(sixSessions(), Q1_OPTIONS).get(0);

        // a picked by S1 S2 S3 S5 (4/6), b by S4 (1/6), c and d by nobody; S6 picked nothing
        assertThat(q1.options()).extracting(ItemAnalysis.OptionUse::optionId, ItemAnalysis.OptionUse::picks,
                        ItemAnalysis.OptionUse::correct, ItemAnalysis.OptionUse::neverChosenDistractor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 4, true, false),
                        org.assertj.core.groups.Tuple.tuple("b", 1, false, false),
                        org.assertj.core.groups.Tuple.tuple("c", 0, false, true),
                        org.assertj.core.groups.Tuple.tuple("d", 0, false, true));
        assertThat(q1.options().get(1).pickRate()).isCloseTo(1.0 / 6, within(EPS));
        assertThat(q1.flags()).containsExactly("NEVER_CHOSEN_DISTRACTOR");
        assertThat(TestStatistics.items(sixSessions(), Q1_OPTIONS).get(2).options())
                .as("free text has no options").isEmpty();
    }

    @Test
    void withoutTheKeysOptionsOnlyPickedAndCorrectOptionsAreKnown() {
        ItemAnalysis q1 = TestStatistics.items(sixSessions(), Map.of()).get(0);

        assertThat(q1.options()).extracting(ItemAnalysis.OptionUse::optionId).containsExactly("a", "b");
        assertThat(q1.flags()).isEmpty();
    }

    @Test
    void cronbachsAlphaForAFixedTest() {
        TestAnalysis analysis = TestStatistics.analyse("t", 1, "Backend", sixSessions(), false, Q1_OPTIONS);

        /*
         * Sample variances (n − 1 = 5): q1 Σ(x−2/3)² = 4/3 → 0.266667; q2 1.5/5 = 0.3; q3 (1+0+1+0+1+1)/5 = 0.8;
         * Σ = 1.366667. Totals 4 3 3 2 1 0, mean 13/6, Σ(t−mean)² = 10.833333 → 2.166667.
         * alpha = 3/2 × (1 − 1.366667 / 2.166667) = 1.5 × 0.369231 = 0.553846
         */
        assertThat(analysis.reliability().value()).isCloseTo(0.553846, within(EPS));
        assertThat(analysis.reliability().coefficient()).as("q3 has partial points").isEqualTo("CRONBACH_ALPHA");
        assertThat(analysis.reliability().items()).isEqualTo(3);
        assertThat(analysis.questionSelection().mode()).isEqualTo("FIXED");
        assertThat(analysis.questionSelection().basis()).as("no session said whether it drew from pools")
                .isEqualTo("SAME_QUESTIONS_IN_EVERY_RESULT");
        assertThat(analysis.reliabilityNote()).isNull();
    }

    @Test
    void rightOrWrongItemsGiveKr20() {
        /*
         * Five sessions, three 1-point items:  1 1 1 | 1 1 0 | 1 0 0 | 0 0 0 | 1 1 1 → totals 3 2 1 0 3.
         * KR-20 = k/(k−1) × (1 − Σ p·q / σ²) with p = .8 .6 .4, p·q = .16 + .24 + .24 = .64,
         * σ² (population) of the totals = Σ(t − 1.8)²/5 = 6.8/5 = 1.36 → 1.5 × (1 − .64/1.36) = 0.794118
         */
        List<Sitting> sittings = List.of(rightWrong(1, 1, 1), rightWrong(1, 1, 0), rightWrong(1, 0, 0),
                rightWrong(0, 0, 0), rightWrong(1, 1, 1));

        TestAnalysis.Reliability reliability = TestStatistics.reliability(sittings);

        assertThat(reliability.coefficient()).isEqualTo("KR_20");
        assertThat(reliability.value()).isCloseTo(0.794118, within(EPS));
    }

    @Test
    void theScoreDistribution() {
        TestAnalysis.ScoreDistribution distribution = TestStatistics.distribution(sixSessions());

        /*
         * percents 100 75 75 50 25 0: mean 325/6 = 54.166667; sample SD √(Σ(p − mean)²/5) = √1354.166667
         * = 36.799004. Sorted 0 25 50 75 75 100; R-7 quartile at rank 1 + 0.25 × 5 = 2.25 → 25 + .25 × 25
         * = 31.25; median at rank 3.5 → 62.5; upper quartile at rank 4.75 → 75.
         * Pass mark: sessions built with passed = percent ≥ 50 → 4 of 6.
         */
        assertThat(distribution.count()).isEqualTo(6);
        assertThat(distribution.meanPercent()).isCloseTo(54.166667, within(EPS));
        assertThat(distribution.standardDeviationPercent()).isCloseTo(36.799004, within(EPS));
        assertThat(distribution.minPercent()).isEqualTo(0);
        assertThat(distribution.lowerQuartilePercent()).isCloseTo(31.25, within(EPS));
        assertThat(distribution.medianPercent()).isCloseTo(62.5, within(EPS));
        assertThat(distribution.upperQuartilePercent()).isCloseTo(75, within(EPS));
        assertThat(distribution.maxPercent()).isEqualTo(100);
        assertThat(distribution.passRate()).isCloseTo(4.0 / 6, within(EPS));
        // bands [0,10) [20,30) [50,60) [70,80) ×2, and 100 in the last band
        assertThat(distribution.histogram()).extracting(TestAnalysis.Band::count)
                .containsExactly(1, 0, 1, 0, 0, 1, 0, 2, 0, 1);
    }

    @Test
    void aPoorlyDiscriminatingQuestionIsFlaggedOnlyOnThirtyResponsesOrMore() {
        /*
         * Two 1-point items, six sessions: a = 1 1 0 0 1 0, b = 1 0 1 0 0 1. Each one's rest is the other.
         * deviations a: .5 .5 −.5 −.5 .5 −.5; b: .5 −.5 .5 −.5 −.5 .5 → Σ = .25 −.25 −.25 +.25 −.25 −.25 = −.5;
         * Σda² = Σdb² = 1.5 → r = −.5/1.5 = −1/3 (a key that rewards the weaker candidates).
         * Repeating the six sessions five times keeps r at −1/3 on 30 responses.
         */
        List<Sitting> six = List.of(pair(1, 1), pair(1, 0), pair(0, 1), pair(0, 0), pair(1, 0), pair(0, 1));
        List<Sitting> thirty = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            thirty.addAll(six);
        }

        ItemAnalysis onSix = TestStatistics.items(six, Map.of()).get(0);
        ItemAnalysis onThirty = TestStatistics.items(thirty, Map.of()).get(0);

        assertThat(onSix.discrimination()).isCloseTo(-1.0 / 3, within(EPS));
        assertThat(onSix.flags()).as("6 responses are too few to judge").doesNotContain("REVIEW_THIS_QUESTION");
        assertThat(onThirty.discrimination()).isCloseTo(-1.0 / 3, within(EPS));
        assertThat(onThirty.responses()).isEqualTo(30);
        assertThat(onThirty.flags()).contains("REVIEW_THIS_QUESTION");
    }

    @Test
    void noSpreadMeansNoDiscriminationAndNoFlag() {
        List<Sitting> everyoneRight = new ArrayList<>(Collections.nCopies(40, pair(1, 1)));
        everyoneRight.add(pair(1, 0));

        ItemAnalysis a = TestStatistics.items(everyoneRight, Map.of()).get(0);

        assertThat(a.facility()).isEqualTo(1.0);
        assertThat(a.discrimination()).as("an item everyone got right cannot correlate").isNull();
        assertThat(a.flags()).isEmpty();
    }

    @Test
    void poolsAreTakenFromTheSubmissionsOrInferredFromTheQuestionSets() {
        Sitting fixedA = pair(1, 0);
        Sitting other = sitting(q2(1), q3(1));

        assertThat(TestStatistics.selection(List.of(fixedA, pair(0, 1))).mode()).isEqualTo("FIXED");
        assertThat(TestStatistics.selection(List.of(fixedA, other)))
                .isEqualTo(new TestAnalysis.QuestionSelection("POOLED", "SAME_QUESTIONS_IN_EVERY_RESULT"));
        Sitting saysPooled = new Sitting(fixedA.answers(), true, false, false);
        Sitting saysFixed = new Sitting(fixedA.answers(), false, false, false);
        assertThat(TestStatistics.selection(List.of(saysPooled, saysFixed)))
                .isEqualTo(new TestAnalysis.QuestionSelection("POOLED", "SUBMISSIONS"));
        assertThat(TestStatistics.selection(List.of(saysFixed, saysFixed)))
                .isEqualTo(new TestAnalysis.QuestionSelection("FIXED", "SUBMISSIONS"));

        TestAnalysis pooled = TestStatistics.analyse("t", 2, "T", List.of(fixedA, other, pair(0, 1)), false, Map.of());
        assertThat(pooled.reliability()).as("pooled tests get per-item statistics only").isNull();
        assertThat(pooled.reliabilityNote()).contains("pools");
        assertThat(pooled.items()).extracting(ItemAnalysis::questionId).containsExactly("a", "b", "q2", "q3");
    }

    private static Sitting sitting(Sitting.Answer... answers) {
        Sitting draft = new Sitting(List.of(answers), null, false, false);
        return new Sitting(draft.answers(), null, false, draft.percent() >= 50);
    }

    private static Sitting.Answer q1(double points, String picked) {
        return new Sitting.Answer("q1", 1, QuestionKind.SINGLE_CHOICE, "Index trade-off", points, 1, picked != null,
                picked == null ? List.of() : List.of(picked));
    }

    private static Sitting.Answer q2(double points) {
        return new Sitting.Answer("q2", 1, QuestionKind.SINGLE_CHOICE, "gRPC", points, 1, true, List.of());
    }

    private static Sitting.Answer q3(double points) {
        return new Sitting.Answer("q3", 1, QuestionKind.FREE_TEXT, "Replication", points, 2, true, List.of());
    }

    private static Sitting rightWrong(double a, double b, double c) {
        return sitting(new Sitting.Answer("x", 1, QuestionKind.SINGLE_CHOICE, "X", a, 1, true, List.of()),
                new Sitting.Answer("y", 1, QuestionKind.SINGLE_CHOICE, "Y", b, 1, true, List.of()),
                new Sitting.Answer("z", 1, QuestionKind.SINGLE_CHOICE, "Z", c, 1, true, List.of()));
    }

    private static Sitting pair(double a, double b) {
        return sitting(new Sitting.Answer("a", 1, QuestionKind.SINGLE_CHOICE, "A", a, 1, true, List.of()),
                new Sitting.Answer("b", 1, QuestionKind.SINGLE_CHOICE, "B", b, 1, true, List.of()));
    }
}
