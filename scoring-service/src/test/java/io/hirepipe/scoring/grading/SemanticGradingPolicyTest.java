package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy on hand-made evidence, so each rule shows with round numbers: four key points of one point
 * each, one answer unit per key point, no contrast, similarity mapped 1:1 to evidence (floor 0, ceiling 1).
 */
class SemanticGradingPolicyTest {

    private static final FreeTextRubric RUBRIC = new FreeTextRubric("q:1", "prompt", List.of(
            point("a"), point("b"), point("c"), point("d")), List.of());

    private static final SemanticGradingSettings SETTINGS = new SemanticGradingSettings(0, 0, 1, 0.5, 0, 0.7, 0.3,
            0.8, 0.2, 6, 0.5, 0.12, 0.7, 0.25, 0.6, 3, 0, 0.5, 0.8, SemanticGradingSettings.IDENTITY, 0.5, 0.0, 0.0,
            0.0, 0.0, 1.0, null, null, null, null, null, null);

    private final SemanticGradingPolicy policy = new SemanticGradingPolicy(SETTINGS);

    private static FreeTextRubric.Point point(String id) {
        return new FreeTextRubric.Point(id, "key point " + id, List.of(), List.of(), 1);
    }

    /** One unit per key point, unit i similar to key point i only, to the degree given. */
    private static AnswerEvidence evidence(double... similarity) {
        int n = similarity.length;
        double[][] sim = new double[n][n];
        for (int k = 0; k < n; k++) {
            sim[k][k] = similarity[k];
        }
        List<Span> units = java.util.stream.IntStream.range(0, n).mapToObj(i -> new Span("unit " + i, 0, 6)).toList();
        return EvidenceBuilder.of("answer", units, sim).build();
    }

    @Test
    void clearEvidenceGivesMetPartlyMetAndMissedWithTheirCredit() {
        FreeTextGrade grade = policy.grade(evidence(0.95, 0.5, 0.05, 0.95), RUBRIC);

        assertThat(grade.keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict)
                .containsExactly(Verdict.MET, Verdict.PARTLY_MET, Verdict.MISSED, Verdict.MET);
        assertThat(grade.points()).isEqualByComparingTo("2.50");
        assertThat(grade.keyPoints().get(2).span()).isNull();
    }

    @Test
    void anAnswerCloseToTheRubricAsAWholeCompletesPartlyMetKeyPointsOnly() {
        SemanticGradingPolicy lifting = new SemanticGradingPolicy(SETTINGS.withHolistic(0.5, 0.5, 0.8));

        // MET, PARTLY_MET, PARTLY_MET, MISSED: 2 of 4 earned; the two half-met points could gain 1 between them.
        // holistic 0.8 = the ceiling: closeness 1, the answer as a whole is worth 4 → lift min(1, 0.5 × (4 − 2)) = 1
        assertThat(lifting.grade(holistic(evidence(0.95, 0.5, 0.5, 0.05), 0.8), RUBRIC).points())
                .isEqualByComparingTo("3.00");
        // halfway between floor and ceiling: worth 2, which the key points already earned
        assertThat(lifting.grade(holistic(evidence(0.95, 0.5, 0.5, 0.05), 0.65), RUBRIC).points())
                .isEqualByComparingTo("2.00");
        // nothing partly met: a missed key point is never created from closeness alone
        assertThat(lifting.grade(holistic(evidence(0.95, 0.05, 0.05, 0.05), 0.8), RUBRIC).points())
                .isEqualByComparingTo("1.00");
        assertThat(policy.grade(holistic(evidence(0.95, 0.5, 0.5, 0.05), 0.8), RUBRIC).points())
                .as("weight 0: no lift").isEqualByComparingTo("2.00");
    }

    private static AnswerEvidence holistic(AnswerEvidence e, double holistic) {
        return EvidenceBuilder.from(e).holistic(holistic).build();
    }

    /** The evidence of {@link #evidence}, with {@code filler} more units that are close to no key point. */
    private static AnswerEvidence padded(AnswerEvidence e, int filler) {
        int n = e.units().size() + filler;
        double[][] sim = new double[e.keyPointSimilarity().length][n];
        boolean[][] phrase = new boolean[sim.length][n];
        for (int k = 0; k < sim.length; k++) {
            System.arraycopy(e.keyPointSimilarity()[k], 0, sim[k], 0, e.units().size());
            System.arraycopy(e.keyPointPhrase()[k], 0, phrase[k], 0, e.units().size());
        }
        List<Span> units = java.util.stream.IntStream.range(0, n).mapToObj(i -> new Span("unit " + i, 7 * i, 7 * i + 6)).toList();
        return EvidenceBuilder.of(e.answer(), units, sim).keyPointPhrase(phrase).topicality(e.topicality())
                .signals(e.signals()).build();
    }

    @Test
    void theSameClauseMustMatchMoreStronglyToCountInALongAnswerThanInAShortOne() {
        // noise 0.05 from 4 units: an answer of 16 units loses 0.05 * (sqrt(2 ln 16) - sqrt(2 ln 4)) = 0.0345 of cosine
        SemanticGradingPolicy discounting = new SemanticGradingPolicy(SETTINGS.withClauseNoise(0.05, 4));
        AnswerEvidence shortAnswer = padded(evidence(0.72, 0.72, 0.05, 0.05), 0);
        AnswerEvidence longAnswer = padded(evidence(0.72, 0.72, 0.05, 0.05), 12);

        assertThat(discounting.grade(shortAnswer, RUBRIC).keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict)
                .as("no more units than the thresholds were fitted on: no discount")
                .containsExactly(Verdict.MET, Verdict.MET, Verdict.MISSED, Verdict.MISSED);
        assertThat(discounting.grade(longAnswer, RUBRIC).keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict)
                .containsExactly(Verdict.PARTLY_MET, Verdict.PARTLY_MET, Verdict.MISSED, Verdict.MISSED);
        assertThat(policy.grade(longAnswer, RUBRIC).points()).as("noise 0: the rule is off").isEqualByComparingTo("2.00");
    }

    @Test
    void aPhraseStillCountsInFullInALongAnswer() {
        AnswerEvidence e = padded(evidence(0.45, 0.05, 0.05, 0.05), 20);
        e.keyPointPhrase()[0][0] = true;

        FreeTextGrade grade = new SemanticGradingPolicy(SETTINGS.withClauseNoise(0.05, 4)).grade(e, RUBRIC);

        // 0.45 - 0.05 * (sqrt(2 ln 24) - sqrt(2 ln 4)) = 0.41, plus the phrase's 0.5: still above met-at 0.7
        assertThat(grade.keyPoints().get(0).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theClauseCountDiscountIsTheExcessOfTheChanceMaximumOverThatOfTheFittedLength() {
        KeyPointCredit discounting = new KeyPointCredit(SETTINGS.withClauseNoise(0.1, 4));

        assertThat(discounting.chanceMaximum(1)).isZero();
        assertThat(discounting.chanceMaximum(4)).isZero();
        assertThat(discounting.chanceMaximum(16)).isCloseTo(0.1 * (Math.sqrt(2 * Math.log(16)) - Math.sqrt(2 * Math.log(4))),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(discounting.chanceMaximum(64)).isGreaterThan(discounting.chanceMaximum(16));
    }

    /** Two separate sentences and their cosines to key points a and b; {@code hedged} says which of them hedge. */
    private static AnswerEvidence twoSentences(double[] toA, double[] toB, boolean... hedged) {
        double[][] sim = {toA, toB, {0, 0}, {0, 0}};
        List<Span> units = List.of(new Span("one", 0, 3), new Span("two", 4, 7));
        return EvidenceBuilder.of("one two", units, sim).hedged(hedged).build();
    }

    /** Support 0.5, and a hedged sentence gives at most 0.5: halfway between partly-met-at 0.3 and met-at 0.7. */
    private static final SemanticGradingSettings HEDGE_CAPPED = SETTINGS.withEvidence(0, 0, 1, 0.5, 0.5, 0.7, 0.3)
            .withHedgedEvidenceCap(0.5);

    @Test
    void aHedgedSentenceOnlyPartlyMeetsAKeyPointHoweverCloseItIs() {
        // "I think it might be a thundering herd" (sentence 0, key point a) and a plain sentence 1 making point b
        AnswerEvidence e = twoSentences(new double[] {0.95, 0}, new double[] {0, 0.95}, true, false);

        FreeTextGrade grade = new SemanticGradingPolicy(HEDGE_CAPPED).grade(e, RUBRIC);

        assertThat(grade.keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict)
                .containsExactly(Verdict.PARTLY_MET, Verdict.MET, Verdict.MISSED, Verdict.MISSED);
        assertThat(grade.points()).isEqualByComparingTo("1.50");
        assertThat(new SemanticGradingPolicy(SETTINGS.withEvidence(0, 0, 1, 0.5, 0.5, 0.7, 0.3)).grade(e, RUBRIC).points())
                .as("no cap: the rule is off").isEqualByComparingTo("2.00");
    }

    @Test
    void aPlainSentenceCanCompleteAHedgedOneButASecondGuessCannot() {
        // both sentences make point a: the hedged one closely, the other loosely (0.45)
        AnswerEvidence supportedByAPlainSentence = twoSentences(new double[] {0.95, 0.45}, new double[] {0, 0}, true, false);
        AnswerEvidence supportedByAnotherGuess = twoSentences(new double[] {0.95, 0.45}, new double[] {0, 0}, true, true);
        SemanticGradingPolicy capped = new SemanticGradingPolicy(HEDGE_CAPPED);

        // 0.5 (the cap) + 0.5 × 0.45 = 0.725: met
        assertThat(capped.grade(supportedByAPlainSentence, RUBRIC).keyPoints().get(0).verdict()).isEqualTo(Verdict.MET);
        // the same sum from two hedged sentences stays at the cap
        assertThat(capped.grade(supportedByAnotherGuess, RUBRIC).keyPoints().get(0).verdict()).isEqualTo(Verdict.PARTLY_MET);
    }

    @Test
    void aNegativeHedgeCapIsRefused() {
        assertThatThrownBy(() -> SETTINGS.withHedgedEvidenceCap(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hedged-evidence-cap");
    }

    /** Evidence e with each unit's highest cosine to the prompt or any key-point reference as given. */
    private static AnswerEvidence withUnitTopicality(AnswerEvidence e, double... unitTopicality) {
        return EvidenceBuilder.from(e).unitTopicality(unitTopicality).build();
    }

    @Test
    void aClauseAboutSomethingElseIsNoEvidenceHoweverItsContrastFallsOut() {
        // the service's contrast and similarity floor: a clause at cosine 0.15 to key point a and -0.05 to the others
        // is "a little less far" from a than from b, c and d, which the contrast turns into evidence
        // (0.15 + 0.75 * 0.05 + 0.1) / 0.6 = 0.48, PARTLY_MET at 0.3
        SemanticGradingSettings contrasted = SETTINGS.withEvidence(0.75, -0.1, 0.5, 0.5, 0, 0.7, 0.3);
        AnswerEvidence e = evidence(0.15, 0, 0, 0);
        for (int k = 1; k < 4; k++) {
            e.keyPointSimilarity()[k][0] = -0.05;
        }
        AnswerEvidence aboutSomethingElse = withUnitTopicality(e, 0.15, 0.15, 0.15, 0.15);
        AnswerEvidence nearThePrompt = withUnitTopicality(e, 0.3, 0.15, 0.15, 0.15);

        assertThat(new SemanticGradingPolicy(contrasted).grade(aboutSomethingElse, RUBRIC).keyPoints().get(0).verdict())
                .as("rule off").isEqualTo(Verdict.PARTLY_MET);
        SemanticGradingPolicy floored = new SemanticGradingPolicy(contrasted.withUnitOnTopicAt(0.2));
        assertThat(floored.grade(aboutSomethingElse, RUBRIC).keyPoints().get(0).verdict()).isEqualTo(Verdict.MISSED);
        assertThat(floored.grade(nearThePrompt, RUBRIC).keyPoints().get(0).verdict())
                .as("a clause near the prompt is about the question, and the contrast decides which point")
                .isEqualTo(Verdict.PARTLY_MET);
    }

    /** Evidence e with each unit's topicality and cosine to the prompt as given. */
    private static AnswerEvidence withPromptSimilarity(AnswerEvidence e, double[] unitTopicality,
                                                       double... promptSimilarity) {
        return EvidenceBuilder.from(e).unitTopicality(unitTopicality).promptSimilarity(promptSimilarity).build();
    }

    @Test
    void aClauseUnderTheFloorCountsForAKeyPointItIsFarCloserToThanToThePromptAndAGenericOneDoesNot() {
        // a clause at cosine 0.35 to key point a and -0.05 to the others, under the floor (0.4): with the service's
        // contrast its evidence would be (0.35 + 0.75 * 0.05 + 0.1) / 0.6 = 0.81, MET at 0.7
        SemanticGradingSettings floored = SETTINGS.withEvidence(0.75, -0.1, 0.5, 0.5, 0, 0.7, 0.3).withUnitOnTopicAt(0.4);
        AnswerEvidence e = evidence(0.35, 0, 0, 0);
        for (int k = 1; k < 4; k++) {
            e.keyPointSimilarity()[k][0] = -0.05;
        }
        double[] topicality = {0.35, 0.1, 0.1, 0.1};
        // about point a, not about the question in general: 0.35 - 0.1 = 0.25 >= 0.225
        AnswerEvidence specific = withPromptSimilarity(e, topicality, 0.1, 0, 0, 0);
        // about the question in general: as close to the prompt as to a (0.35 - 0.3 = 0.05)
        AnswerEvidence generic = withPromptSimilarity(e, topicality, 0.3, 0, 0, 0);
        SemanticGradingPolicy exempting = new SemanticGradingPolicy(floored.withFloorExemptionMargin(0.225));

        assertThat(new SemanticGradingPolicy(floored).grade(specific, RUBRIC).keyPoints().get(0).verdict())
                .as("no exemption: under the floor").isEqualTo(Verdict.MISSED);
        assertThat(exempting.grade(specific, RUBRIC).keyPoints().get(0).verdict()).isEqualTo(Verdict.MET);
        assertThat(exempting.grade(specific, RUBRIC).keyPoints().get(0).span()).isEqualTo("unit 0");
        assertThat(exempting.grade(generic, RUBRIC).keyPoints().get(0).verdict()).isEqualTo(Verdict.MISSED);
        assertThat(exempting.grade(withUnitTopicality(e, topicality), RUBRIC).keyPoints().get(0).verdict())
                .as("the cosine to the prompt not measured: no unit is exempt").isEqualTo(Verdict.MISSED);
    }

    @Test
    void aFloorExemptionMarginMustBePositive() {
        assertThatThrownBy(() -> SETTINGS.withFloorExemptionMargin(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floor-exemption-margin");
    }

    @Test
    void aPhraseCountsInAClauseAboutSomethingElse() {
        AnswerEvidence e = withUnitTopicality(evidence(0.1, 0, 0, 0), 0.1, 0.1, 0.1, 0.1);
        e.keyPointPhrase()[0][0] = true;

        FreeTextGrade grade = new SemanticGradingPolicy(SETTINGS.withUnitOnTopicAt(0.2)).grade(e, RUBRIC);

        // no semantic evidence, and the phrase's 0.5: PARTLY_MET at 0.3
        assertThat(grade.keyPoints().get(0).verdict()).isEqualTo(Verdict.PARTLY_MET);
    }

    @Test
    void aTopicalityFloorOutsideACosinesRangeIsRefused() {
        assertThatThrownBy(() -> SETTINGS.withUnitOnTopicAt(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit-on-topic-at");
    }

    /** Evidence e with each unit's topicality, and its highest cosine to another question, as given. */
    private static AnswerEvidence withOtherQuestion(AnswerEvidence e, double[] unitTopicality,
                                                    double... otherQuestionSimilarity) {
        return EvidenceBuilder.from(e).unitTopicality(unitTopicality).otherQuestionSimilarity(otherQuestionSimilarity)
                .build();
    }

    @Test
    void aClauseThatAnswersAnotherQuestionIsNoSemanticEvidenceHere() {
        // a clause at cosine 0.8 to key point a (its highest to this question), 0 to the others: MET without the rule
        AnswerEvidence e = evidence(0.8, 0, 0, 0);
        double[] topicality = {0.8, 0, 0, 0};
        SemanticGradingPolicy neighbourRule = new SemanticGradingPolicy(SETTINGS.withNeighbourMargin(0.12));

        AnswerEvidence answersAnother = withOtherQuestion(e, topicality, 0.95, 0, 0, 0);
        assertThat(new SemanticGradingPolicy(SETTINGS).grade(answersAnother, RUBRIC).keyPoints().get(0).verdict())
                .as("rule off").isEqualTo(Verdict.MET);
        // 0.95 - 0.8 = 0.15 >= 0.12: it answers the other question
        FreeTextGrade grade = neighbourRule.grade(answersAnother, RUBRIC);
        assertThat(grade.keyPoints().get(0).verdict()).isEqualTo(Verdict.MISSED);
        assertThat(grade.keyPoints().get(0).span()).isNull();
        // 0.9 - 0.8 = 0.1: about as close to both, so this question's rubric decides
        assertThat(neighbourRule.grade(withOtherQuestion(e, topicality, 0.9, 0, 0, 0), RUBRIC).keyPoints().get(0).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(neighbourRule.grade(withUnitTopicality(e, topicality), RUBRIC).keyPoints().get(0).verdict())
                .as("no other question measured: the rule never applies").isEqualTo(Verdict.MET);
    }

    @Test
    void theFloorExemptionStillLetsAClauseFarCloserToAKeyPointThanToThePromptCount() {
        // under the floor (0.4) at 0.35 to key point a and 0.1 to the prompt: exempt (0.25 >= 0.225), and 0.5 to another
        // question (0.15 over its topicality), which the neighbour rule leaves to the exemption
        SemanticGradingSettings floored = SETTINGS.withEvidence(0.75, -0.1, 0.5, 0.5, 0, 0.7, 0.3).withUnitOnTopicAt(0.4)
                .withFloorExemptionMargin(0.225).withNeighbourMargin(0.1);
        AnswerEvidence e = evidence(0.35, 0, 0, 0);
        for (int k = 1; k < 4; k++) {
            e.keyPointSimilarity()[k][0] = -0.05;
        }
        AnswerEvidence nearerAnother = EvidenceBuilder.from(e).unitTopicality(0.35, 0.1, 0.1, 0.1)
                .promptSimilarity(0.1, 0, 0, 0).otherQuestionSimilarity(0.5, 0, 0, 0).build();

        assertThat(new SemanticGradingPolicy(floored).grade(nearerAnother, RUBRIC).keyPoints().get(0).verdict())
                .isEqualTo(Verdict.MET);
    }

    @Test
    void aPhraseStillCountsInAClauseThatAnswersAnotherQuestion() {
        AnswerEvidence e = withOtherQuestion(evidence(0.8, 0, 0, 0), new double[] {0.8, 0, 0, 0}, 0.95, 0, 0, 0);
        e.keyPointPhrase()[0][0] = true;

        FreeTextGrade grade = new SemanticGradingPolicy(SETTINGS.withNeighbourMargin(0.12)).grade(e, RUBRIC);

        // no semantic evidence, and the phrase's 0.5: PARTLY_MET at 0.3
        assertThat(grade.keyPoints().get(0).verdict()).isEqualTo(Verdict.PARTLY_MET);
    }

    @Test
    void aNegativeNeighbourMarginIsRefused() {
        assertThatThrownBy(() -> SETTINGS.withNeighbourMargin(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbour-margin");
    }

    @Test
    void aClauseThatOnlyEchoesThePromptMeetsNoKeyPoint() {
        AnswerEvidence e = evidence(0.95, 0.95, 0.05, 0.05);
        // unit 0 is made only of the prompt's words, unit 1 half of them
        AnswerEvidence echoing = EvidenceBuilder.from(e).promptEcho(1.0, 0.5, 0, 0).build();

        FreeTextGrade grade = new SemanticGradingPolicy(SETTINGS.withPromptEchoShare(1.0)).grade(echoing, RUBRIC);

        assertThat(grade.keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict)
                .containsExactly(Verdict.MISSED, Verdict.MET, Verdict.MISSED, Verdict.MISSED);
        assertThat(grade.points()).isEqualByComparingTo("1.00");
        assertThat(policy.grade(echoing, RUBRIC).points()).as("share 0: the rule is off").isEqualByComparingTo("2.00");
    }

    @Test
    void aScoreClearlyInsideABandNeedsNoReview() {
        FreeTextGrade grade = policy.grade(evidence(0.95, 0.95, 0.95, 0.05), RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo("3.00");
        assertThat(grade.needsReview()).isFalse();
        assertThat(grade.flags()).isEmpty();
    }

    @Test
    void aScoreOnABandBoundaryNeedsReview() {
        // 1.5 of 4 = 37.5 %: between grade 1 and grade 2
        FreeTextGrade grade = policy.grade(evidence(0.95, 0.5, 0.05, 0.05), RUBRIC);

        assertThat(grade.flags()).contains(GradeFlag.NEAR_THRESHOLD);
        assertThat(grade.needsReview()).isTrue();
    }

    /**
     * Key points a, b and c met by one clause each, and {@code elsewhere} more clauses about something else: each unit's
     * topicality is 0.9 for the three and 0.1 for the rest, under the service's on-topic floor of 0.4.
     */
    private static AnswerEvidence threePointsAmong(int elsewhere) {
        AnswerEvidence e = padded(evidence(0.95, 0.95, 0.95, 0.05), elsewhere - 1);
        double[] topicality = new double[e.units().size()];
        java.util.Arrays.fill(topicality, 0.1);
        topicality[0] = topicality[1] = topicality[2] = 0.9;
        return withUnitTopicality(e, topicality);
    }

    private static final SemanticGradingSettings MINORITY_REVIEWED = SETTINGS.withUnitOnTopicAt(0.4).withReview(0.6, 3, 0.5, 0);

    @Test
    void aGradeThatRestsOnAMinorityOfTheAnswersClausesNeedsReviewAndKeepsItsScore() {
        // 3 of 7 units on topic: three key points met (75 %), four clauses about something else
        FreeTextGrade minority = new SemanticGradingPolicy(MINORITY_REVIEWED).grade(threePointsAmong(4), RUBRIC);
        FreeTextGrade ruleOff = new SemanticGradingPolicy(SETTINGS.withUnitOnTopicAt(0.4)).grade(threePointsAmong(4), RUBRIC);

        assertThat(minority.flags()).containsExactly(GradeFlag.MOSTLY_OFF_TOPIC);
        assertThat(minority.needsReview()).isTrue();
        assertThat(minority.points()).as("the score is the machine's, unchanged").isEqualByComparingTo("3.00")
                .isEqualByComparingTo(ruleOff.points());
        assertThat(minority.confidence()).isEqualTo(ruleOff.confidence());
        assertThat(ruleOff.needsReview()).as("off when the share is 0").isFalse();
    }

    @Test
    void aGradeThatRestsOnHalfTheAnswerOrMoreNeedsNoReview() {
        // 3 of 6 units on topic: half, not fewer
        FreeTextGrade half = new SemanticGradingPolicy(MINORITY_REVIEWED).grade(threePointsAmong(3), RUBRIC);

        assertThat(half.flags()).doesNotContain(GradeFlag.MOSTLY_OFF_TOPIC);
        assertThat(half.needsReview()).isFalse();
    }

    @Test
    void aLowGradeAmongClausesAboutSomethingElseNeedsNoReviewForIt() {
        // one key point met (25 %, grade 1) by one clause of seven: nothing that a reader would lower
        AnswerEvidence e = padded(evidence(0.95, 0.05, 0.05, 0.05), 3);
        double[] topicality = new double[e.units().size()];
        java.util.Arrays.fill(topicality, 0.1);
        topicality[0] = 0.9;
        FreeTextGrade grade = new SemanticGradingPolicy(MINORITY_REVIEWED).grade(withUnitTopicality(e, topicality), RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo("1.00");
        assertThat(grade.flags()).doesNotContain(GradeFlag.MOSTLY_OFF_TOPIC);
    }

    @Test
    void anOnTopicShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> SETTINGS.withReview(0.6, 3, 1.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review-on-topic-share-below");
    }

    @Test
    void evidenceSittingOnTheThresholdsLowersConfidenceAndNeedsReview() {
        FreeTextGrade sure = policy.grade(evidence(0.95, 0.95, 0.95, 0.05), RUBRIC);
        FreeTextGrade unsure = policy.grade(evidence(0.71, 0.69, 0.71, 0.31), RUBRIC);

        assertThat(unsure.confidence()).isLessThan(sure.confidence());
        assertThat(unsure.flags()).contains(GradeFlag.LOW_CONFIDENCE);
        assertThat(unsure.needsReview()).isTrue();
    }

    @Test
    void anAnswerFarFromThePromptAndKeyPointsIsOffTopicAndScoresZero() {
        AnswerEvidence near = evidence(0.95, 0.95, 0.05, 0.05);
        AnswerEvidence far = EvidenceBuilder.from(near).topicality(0.1).build();

        FreeTextGrade grade = policy.grade(far, RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo("0");
        assertThat(grade.flags()).contains(GradeFlag.OFF_TOPIC);
    }

    @Test
    void anAnswerOfSubstanceScoredOffTopicNeedsReviewAndKeepsItsZero() {
        AnswerEvidence near = evidence(0.95, 0.95, 0.05, 0.05);
        AnswerEvidence far = EvidenceBuilder.from(near).topicality(0.1).build();
        assertThat(far.signals().words()).isEqualTo(40);

        FreeTextGrade fromForty = new SemanticGradingPolicy(SETTINGS.withReview(0.6, 3, 0, 40)).grade(far, RUBRIC);
        FreeTextGrade fromSixty = new SemanticGradingPolicy(SETTINGS.withReview(0.6, 3, 0, 60)).grade(far, RUBRIC);

        assertThat(fromForty.points()).isEqualByComparingTo("0");
        assertThat(fromForty.flags()).containsExactly(GradeFlag.OFF_TOPIC);
        assertThat(fromForty.needsReview()).isTrue();
        assertThat(fromSixty.points()).isEqualByComparingTo("0");
        assertThat(fromSixty.needsReview()).as("40 words, under the setting").isFalse();
    }

    @Test
    void aNegativeWordCountForReviewingOffTopicAnswersIsRefused() {
        assertThatThrownBy(() -> SETTINGS.withReview(0.6, 3, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review-off-topic-from-words");
    }

    private static AnswerEvidence asList(AnswerEvidence e, boolean structured) {
        return EvidenceBuilder.from(e).signals(new KeywordListDetector.Signals(12, 0, 1, 0.9, structured)).build();
    }

    @Test
    void aKeywordListGroupedByLabelsIsCappedAtTheKeywordListCap() {
        FreeTextGrade grade = policy.grade(asList(evidence(0.95, 0.95, 0.95, 0.95), true), RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo("1.00"); // 25 % of 4
        assertThat(grade.flags()).contains(GradeFlag.KEYWORD_LIST);
        assertThat(grade.needsReview()).isTrue();
    }

    @Test
    void aBareRunOfTermsKeepsGradeZero() {
        FreeTextGrade grade = policy.grade(asList(evidence(0.95, 0.95, 0.95, 0.95), false), RUBRIC);

        // 40 % of the 25 % cap: 10 %, which is grade 0 (round(10 / 25))
        assertThat(grade.points()).isEqualByComparingTo("0.40");
        assertThat(100 * grade.points().doubleValue() / grade.maxPoints()).isLessThan(12.5);
        assertThat(grade.flags()).contains(GradeFlag.KEYWORD_LIST);
        assertThat(grade.needsReview()).isTrue();
        assertThat(grade.keyPoints().stream().mapToDouble(k -> k.points().doubleValue()).sum()).isEqualTo(0.4);
    }

    @Test
    void calibrationMovesPercentagesMonotonicallyAndTheGatesComeAfterIt() {
        SemanticGradingPolicy calibrated = new SemanticGradingPolicy(
                SETTINGS.withCalibration(List.of(10.0, 25.0, 50.0, 75.0, 100.0)));

        // on topic, nothing met: 10 % of the 4 points, still grade 0
        FreeTextGrade nothing = calibrated.grade(evidence(0.05, 0.05, 0.05, 0.05), RUBRIC);
        assertThat(nothing.points()).isEqualByComparingTo("0.40");
        assertThat(nothing.keyPoints()).extracting(FreeTextGrade.KeyPointEvidence::verdict).containsOnly(Verdict.MISSED);
        // half a key point: 12.5 % of the points, halfway between 10 and 25 → 17.5 %
        assertThat(calibrated.grade(evidence(0.5, 0.05, 0.05, 0.05), RUBRIC).points()).isEqualByComparingTo("0.70");
        // from 25 % up this calibration changes nothing
        assertThat(calibrated.grade(evidence(0.95, 0.95, 0.5, 0.05), RUBRIC).points()).isEqualByComparingTo("2.50");
        assertThat(calibrated.grade(evidence(0.95, 0.95, 0.95, 0.95), RUBRIC).points()).isEqualByComparingTo("4.00");

        AnswerEvidence near = evidence(0.05, 0.05, 0.05, 0.05);
        AnswerEvidence far = EvidenceBuilder.from(near).topicality(0.1).build();
        assertThat(calibrated.grade(far, RUBRIC).points()).isEqualByComparingTo("0");
        assertThat(new SemanticGradingPolicy(SETTINGS.withCalibration(List.of(10.0, 60.0, 80.0, 90.0, 100.0)))
                .grade(asList(evidence(0.95, 0.95, 0.95, 0.95), true), RUBRIC).points()).isEqualByComparingTo("1.00");
    }

    @Test
    void bandPullMovesAScoreTowardItsGradesCentreButKeepsTheGradeAndTheReviewFlag() {
        SemanticGradingPolicy pulled = new SemanticGradingPolicy(SETTINGS.withBandPull(0.5));

        // one key point met, one partly: 37.5 %, on the boundary between grade 1 and 2 (round(1.5) = 2)
        FreeTextGrade onBoundary = pulled.grade(evidence(0.95, 0.5, 0.05, 0.05), RUBRIC);
        // half way to 50 %: 43.75 % of 4 points, still grade 2, still flagged as near the boundary it was on
        assertThat(onBoundary.points()).isEqualByComparingTo("1.75");
        assertThat(onBoundary.flags()).contains(GradeFlag.NEAR_THRESHOLD);
        assertThat(onBoundary.needsReview()).isTrue();
        // a score at a band's centre stays; 62.5 % (grade 3) moves up to 68.75 %, 87.5 % (grade 4) to 93.75 %
        assertThat(pulled.grade(evidence(0.95, 0.95, 0.95, 0.05), RUBRIC).points()).isEqualByComparingTo("3.00");
        assertThat(pulled.grade(evidence(0.95, 0.95, 0.5, 0.05), RUBRIC).points()).isEqualByComparingTo("2.75");
        assertThat(pulled.grade(evidence(0.95, 0.95, 0.95, 0.5), RUBRIC).points()).isEqualByComparingTo("3.75");
    }

    private static final FreeTextRubric WITH_MISCONCEPTION = new FreeTextRubric("q:2", "prompt", RUBRIC.keyPoints(),
            List.of(new FreeTextRubric.Misconception("m", "a wrong idea", List.of(), 2)));

    /** {@code e} with its first unit stating the rubric's one misconception (by phrase). */
    private static AnswerEvidence statingTheMisconception(AnswerEvidence e) {
        boolean[][] phrase = new boolean[1][e.units().size()];
        phrase[0][0] = true;
        return EvidenceBuilder.from(e).misconceptions(new double[1][e.units().size()], phrase).build();
    }

    /**
     * One sentence of two clauses: the first states the rubric's misconception (by its cosine, 0.9, or only by its
     * phrase), the second would meet key point a on its own (0.95); the sentence as a whole is close to nothing.
     */
    private static AnswerEvidence misconceptionWithAReason(boolean inWords) {
        List<Span> units = List.of(new Span("POST is idempotent too, since posting twice returns the same resource", 0, 69),
                new Span("POST is idempotent too", 0, 22), new Span("since posting twice returns the same resource", 23, 69));
        double[][] sim = new double[4][3];
        sim[0][2] = 0.95;
        double[][] misconception = new double[1][3];
        boolean[][] phrase = new boolean[1][3];
        if (inWords) {
            misconception[0][1] = 0.9;
        } else {
            phrase[0][1] = true;
        }
        return EvidenceBuilder.of("answer", units, sim).misconceptions(misconception, phrase).build();
    }

    @Test
    void aMisconceptionStatedInSoManyWordsTakesItsWholeSentenceWithIt() {
        FreeTextGrade inWords = policy.grade(misconceptionWithAReason(true), WITH_MISCONCEPTION);

        // the reason the candidate gives for a wrong claim is no right point of its own
        assertThat(inWords.misconceptions()).hasSize(1);
        assertThat(inWords.keyPoints().get(0).verdict()).isEqualTo(Verdict.MISSED);

        // a phrase alone marks only the units that contain it: its words may lie in different clauses
        // ("GET and DELETE are idempotent, but POST is not"), so the other clause still counts
        FreeTextGrade byPhrase = policy.grade(misconceptionWithAReason(false), WITH_MISCONCEPTION);
        assertThat(byPhrase.misconceptions()).hasSize(1);
        assertThat(byPhrase.keyPoints().get(0).verdict()).isEqualTo(Verdict.MET);
        assertThat(byPhrase.keyPoints().get(0).span()).isEqualTo("since posting twice returns the same resource");
    }

    @Test
    void aMisconceptionCostsAtLeastAGradeStepWhateverItsPenaltyPoints() {
        FreeTextRubric twoPointsEach = new FreeTextRubric("q:3", "prompt",
                List.of(twoPoints("a"), twoPoints("b"), twoPoints("c"), twoPoints("d")),
                List.of(new FreeTextRubric.Misconception("m", "a wrong idea", List.of(), 1)));
        // four sentences: the first states the misconception and meets nothing, the others meet b, c and d: 6 of 8 points
        List<Span> sentences = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new Span("sentence " + i, 12 * i, 12 * i + 10)).toList();
        double[][] sim = new double[4][4];
        for (int k = 1; k < 4; k++) {
            sim[k][k] = 0.95;
        }
        AnswerEvidence rightPointsBesideAWrongClaim =
                statingTheMisconception(EvidenceBuilder.of("answer", sentences, sim).build());

        // the rubric's 1 point would leave 5 of 8 (62.5 %, grade 3, what the right points alone nearly earn); the
        // grading guide takes a grade step off for the wrong claim: 2 points of 8 leave 4 (50 %, grade 2)
        FreeTextGrade grade = policy.grade(rightPointsBesideAWrongClaim, twoPointsEach);
        assertThat(grade.points()).isEqualByComparingTo("4.00");
        assertThat(grade.misconceptions()).singleElement()
                .satisfies(m -> assertThat(m.penalty()).isEqualByComparingTo("2.00"));
        // a penalty of more than a grade step stays as the rubric sets it: 2 points of 4, so 3 met leave 1
        FreeTextGrade dearer = policy.grade(rightPointsBesideAWrongClaim, WITH_MISCONCEPTION);
        assertThat(dearer.points()).isEqualByComparingTo("1.00");
        assertThat(dearer.misconceptions().get(0).penalty()).isEqualByComparingTo("2.00");
    }

    private static FreeTextRubric.Point twoPoints(String id) {
        return new FreeTextRubric.Point(id, "key point " + id, List.of(), List.of(), 2);
    }

    private static AnswerEvidence denyingAKeyPoint(AnswerEvidence e) {
        return EvidenceBuilder.from(e).deniesKeyPoint().build();
    }

    @Test
    void anAnswerThatTakesUpTheRubricWronglyScoresAtLeastTheEngagedWrongFloor() {
        SemanticGradingPolicy floored = new SemanticGradingPolicy(
                SETTINGS.withCalibration(List.of(10.0, 25.0, 50.0, 75.0, 100.0)).withEngagedWrongFloor(25));
        AnswerEvidence nothingMet = evidence(0.05, 0.05, 0.05, 0.05);

        // on topic, nothing met, nothing wrong said: the calibration's 10 %, grade 0
        assertThat(floored.grade(nothingMet, RUBRIC).points()).isEqualByComparingTo("0.40");
        // nothing met and a key point denied by name ("REST is not stateless"): 25 % of 4 points, grade 1
        assertThat(floored.grade(denyingAKeyPoint(nothingMet), RUBRIC).points()).isEqualByComparingTo("1.00");
        // a misconception whose penalty takes the credit to 0: the floor, not the 10 % of an empty answer
        FreeTextGrade wrong = floored.grade(statingTheMisconception(evidence(0.95, 0.05, 0.05, 0.05)), WITH_MISCONCEPTION);
        assertThat(wrong.misconceptions()).hasSize(1);
        assertThat(wrong.points()).isEqualByComparingTo("1.00");
        // a floor, not a bonus: an answer already above it keeps its score
        assertThat(floored.grade(denyingAKeyPoint(evidence(0.95, 0.95, 0.05, 0.05)), RUBRIC).points())
                .isEqualByComparingTo("2.00");
        // the gates still come last: off topic is 0, whatever was denied
        AnswerEvidence far = EvidenceBuilder.from(nothingMet).topicality(0.1).deniesKeyPoint().build();
        assertThat(floored.grade(far, RUBRIC).points()).isEqualByComparingTo("0");
        // without a floor (0) a denial changes nothing
        assertThat(new SemanticGradingPolicy(SETTINGS).grade(denyingAKeyPoint(nothingMet), RUBRIC).points())
                .isEqualByComparingTo("0");
    }

    @Test
    void anEngagedWrongFloorOutsideZeroToHundredIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SETTINGS.withEngagedWrongFloor(120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engaged-wrong-floor");
    }

    @Test
    void aPartlyMetKeyPointEarnsThePartlyMetCredit() {
        SemanticGradingPolicy generous = new SemanticGradingPolicy(SETTINGS.withPartlyMetCredit(0.7));

        FreeTextGrade grade = generous.grade(evidence(0.5, 0.05, 0.05, 0.05), RUBRIC);
        assertThat(grade.keyPoints().get(0).verdict()).isEqualTo(Verdict.PARTLY_MET);
        assertThat(grade.points()).isEqualByComparingTo("0.70");
    }

    /**
     * One negated unit, near no negated reference (there are none), whose cosines to the key points' references of
     * either polarity are {@code either}; {@code inOtherWords}: it names no key point's terms.
     */
    private static AnswerEvidence negatedUnit(boolean inOtherWords, double... either) {
        double[][] eitherPolarity = new double[either.length][1];
        boolean[][] stated = new boolean[either.length][1];
        for (int k = 0; k < either.length; k++) {
            eitherPolarity[k][0] = either[k];
            stated[k][0] = inOtherWords;
        }
        return EvidenceBuilder.of("the server keeps no session", List.of(new Span("the server keeps no session", 0, 27)),
                new double[either.length][1]).negated(true).statedInOtherWords(stated, eitherPolarity).build();
    }

    @Test
    void aNegationInOtherWordsMeetsTheKeyPointItStatesAndADenialDoesNot() {
        assertThat(policy.grade(negatedUnit(true, 0.95, 0.1, 0.1, 0.1), RUBRIC).keyPoints().get(0).verdict())
                .isEqualTo(Verdict.MET);
        // a negated unit that names a key point's words may deny it: only references of its own polarity count
        assertThat(policy.grade(negatedUnit(false, 0.95, 0.1, 0.1, 0.1), RUBRIC).keyPoints().get(0).verdict())
                .isEqualTo(Verdict.MISSED);
    }

    @Test
    void aNegationInOtherWordsIsContrastedInTheSameReading() {
        // contrast 0.5: 0.95 - 0.5 * 0.9 = 0.5, partly met; against its same-polarity cosines (all 0) it would be 0.95
        SemanticGradingPolicy contrasting = new SemanticGradingPolicy(SETTINGS.withEvidence(0.5, 0, 1, 0.5, 0, 0.7, 0.3));

        assertThat(contrasting.grade(negatedUnit(true, 0.95, 0.9, 0.9, 0.9), RUBRIC).keyPoints().get(0).verdict())
                .isEqualTo(Verdict.PARTLY_MET);
    }

    @Test
    void aCalibrationThatIsNotMonotoneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SETTINGS.withCalibration(List.of(0.0, 30.0, 20.0, 75.0, 100.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-decreasing");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SETTINGS.withCalibration(List.of(0.0, 100.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 percentages");
    }
}
