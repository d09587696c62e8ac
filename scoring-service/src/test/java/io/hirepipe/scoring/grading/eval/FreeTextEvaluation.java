package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade;
import io.hirepipe.scoring.grading.FreeTextRubric;
import io.hirepipe.scoring.grading.LexicalFreeTextGrader;
import io.hirepipe.scoring.grading.MiniLmSentenceEmbedder;
import io.hirepipe.scoring.grading.NeighbouringQuestions;
import io.hirepipe.scoring.grading.RubricMatcher;
import io.hirepipe.scoring.grading.SemanticFreeTextGrader;
import io.hirepipe.scoring.grading.SemanticGradingPolicy;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Answer;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Grades the dev set and measures agreement with the hand grades. The evidence of every answer is
 * measured once (the model runs once per answer); settings are then applied cheaply, which is what
 * makes the tune-half grid search possible.
 */
public final class FreeTextEvaluation {

    private final DevSet devSet;
    private final SemanticFreeTextGrader grader;
    private final MiniLmSentenceEmbedder embedder;
    private final Map<String, AnswerEvidence> evidence = new LinkedHashMap<>();

    public FreeTextEvaluation(DevSet devSet, SemanticGradingSettings settings) {
        this.devSet = devSet;
        RubricMatcher matcher = new RubricMatcher();
        this.embedder = new MiniLmSentenceEmbedder(modelVariant());
        this.grader = new SemanticFreeTextGrader(embedder, matcher, settings,
                new LexicalFreeTextGrader(matcher), NeighbouringQuestions.of(DevSet.neighbouringQuestions(), embedder));
    }

    /** {@code -Devaluation.model=QUANTIZED|FULL} picks the model files; the service's own choice otherwise. */
    public static MiniLmSentenceEmbedder.Variant modelVariant() {
        String chosen = System.getProperty("evaluation.model", "");
        return chosen.isBlank() ? MiniLmSentenceEmbedder.DEFAULT_VARIANT : MiniLmSentenceEmbedder.Variant.valueOf(chosen);
    }

    /** The settings the service runs with: application.yml, with environment overrides applied. */
    public static SemanticGradingSettings applicationSettings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("hirepipe.grading.semantic", SemanticGradingSettings.class)
                    .orElseThrow(() -> new IllegalStateException("no hirepipe.grading.semantic in application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DevSet devSet() {
        return devSet;
    }

    public SemanticFreeTextGrader grader() {
        return grader;
    }

    /** The grader's model, for diagnostics that embed a text themselves. */
    public MiniLmSentenceEmbedder embedder() {
        return embedder;
    }

    /** One answer graded under {@code settings}: blank answers never reach the evidence stage. */
    public FreeTextGrade grade(Answer answer, SemanticGradingSettings settings) {
        FreeTextRubric rubric = devSet.rubrics().get(answer.questionKey());
        if (SemanticFreeTextGrader.isBlank(answer.text())) {
            return grader.grade(answer.text(), rubric);
        }
        AnswerEvidence e = evidence.computeIfAbsent(answer.id(), id -> grader.evidence(answer.text(), rubric));
        return new SemanticGradingPolicy(settings).grade(e, rubric);
    }

    public record Graded(Answer answer, FreeTextGrade grade, double percent, int machineGrade) {
    }

    /**
     * @param maePercent              mean |machine percent − hand grade × 25|
     * @param keywordStuffedMaxPercent the highest percent given to an answer written as a keyword list
     * @param reviewShare             share of answers sent to human review
     */
    public record Report(Split split, Agreement agreement, double maePercent, double keywordStuffedMaxPercent,
                         double reviewShare, List<Graded> graded) {

        public String summary() {
            List<Graded> notLists = graded.stream()
                    .filter(g -> !g.grade().flags().contains(FreeTextGrade.GradeFlag.KEYWORD_LIST)).toList();
            long notListsReviewed = notLists.stream().filter(g -> g.grade().needsReview()).count();
            return String.format("%s: n=%d  QWK=%.3f  MAE=%.1f points of 100  keyword-stuffed max=%.1f%%  "
                            + "needs review=%.0f%% (keyword lists aside: %d of %d)",
                    split.label(), agreement.n(), agreement.qwk(), maePercent, keywordStuffedMaxPercent,
                    100 * reviewShare, notListsReviewed, notLists.size());
        }

        /** Whether review flags land where the machine is wrong: agreement without them, and big misses caught. */
        public String reviewValue() {
            List<Agreement.Pair> unflagged = graded.stream().filter(g -> !g.grade().needsReview())
                    .map(g -> new Agreement.Pair(g.answer().grade(), g.machineGrade())).toList();
            List<Graded> wrong = graded.stream().filter(g -> g.machineGrade() != g.answer().grade()).toList();
            long wrongFlagged = wrong.stream().filter(g -> g.grade().needsReview()).count();
            long big = graded.stream().filter(g -> Math.abs(g.machineGrade() - g.answer().grade()) >= 2).count();
            long bigFlagged = graded.stream().filter(g -> Math.abs(g.machineGrade() - g.answer().grade()) >= 2
                    && g.grade().needsReview()).count();
            return String.format("  not sent to review: n=%d QWK=%.3f; off by one grade or more: %d, of which flagged %d; "
                            + "off by two or more: %d, of which flagged %d",
                    unflagged.size(), unflagged.isEmpty() ? Double.NaN : Agreement.of(unflagged).qwk(),
                    wrong.size(), wrongFlagged, big, bigFlagged);
        }
    }

    public Report evaluate(Split split, SemanticGradingSettings settings) {
        return evaluate(split, (answer, s) -> grade(answer, s), settings);
    }

    /** The same figures for the bag-of-stems grader the semantic one replaced: the baseline. */
    public Report evaluateLexical(Split split) {
        LexicalFreeTextGrader lexical = new LexicalFreeTextGrader(new RubricMatcher());
        return evaluate(split, (answer, s) -> lexical.grade(answer.text(), devSet.rubrics().get(answer.questionKey())),
                null);
    }

    private Report evaluate(Split split, BiFunction<Answer, SemanticGradingSettings, FreeTextGrade> grading,
                            SemanticGradingSettings settings) {
        List<Graded> graded = new ArrayList<>();
        List<Agreement.Pair> pairs = new ArrayList<>();
        double absError = 0;
        double keywordMax = 0;
        int review = 0;
        for (Answer answer : devSet.half(split)) {
            FreeTextGrade grade = grading.apply(answer, settings);
            double percent = grade.maxPoints() == 0 ? 0 : 100 * grade.points().doubleValue() / grade.maxPoints();
            int machine = Agreement.grade(percent);
            graded.add(new Graded(answer, grade, percent, machine));
            pairs.add(new Agreement.Pair(answer.grade(), machine));
            absError += Math.abs(percent - 25.0 * answer.grade());
            if (answer.isKeywordStuffed()) {
                keywordMax = Math.max(keywordMax, percent);
            }
            if (grade.needsReview()) {
                review++;
            }
        }
        int n = graded.size();
        return new Report(split, Agreement.of(pairs), absError / n, keywordMax, (double) review / n, graded);
    }

    /** How a candidate setting compares: agreement first, then closeness in points. */
    static double objective(Report r) {
        return r.agreement().qwk() - 0.005 * r.maePercent();
    }

    /**
     * Chooses the settings on the TUNE half only: first the evidence thresholds (contrast, floor, ceiling,
     * phrase weight, support weight, met, partly met), then the gates (misconception, off-topic, keyword-list cap), each by
     * a {@link SmoothedGridSearch}; {@code start} supplies everything not searched.
     */
    public SemanticGradingSettings tune(SemanticGradingSettings start) {
        double[][] evidenceAxes = {
                {0, 0.25, 0.5, 0.75, 1},
                {-0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4},
                {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8},
                {0, 0.25, 0.5, 0.75, 1},
                {0, 0.25, 0.5, 0.75},
                {0.5, 0.6, 0.7, 0.8, 0.9, 1},
                {0.1, 0.2, 0.3, 0.4, 0.5}};
        double[] e = SmoothedGridSearch.argmax(evidenceAxes, v -> v[2] < v[1] + 0.1 || v[6] > v[5] ? Double.NaN
                : objective(evaluate(Split.TUNE, start.withEvidence(v[0], v[1], v[2], v[3], v[4], v[5], v[6]))));
        SemanticGradingSettings withEvidence = start.withEvidence(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
        double[][] gateAxes = {
                {0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 1.01},
                {0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65},
                {0, 0.1, 0.15, 0.2, 0.25}};
        double[] g = SmoothedGridSearch.argmax(gateAxes,
                v -> objective(evaluate(Split.TUNE, withEvidence.withGates(v[0], v[1], v[2]))));
        return tuneBandPull(tuneEngagedWrongFloor(tuneCalibration(withEvidence.withGates(g[0], g[1], g[2]))));
    }

    /** The axes of the credit grid: partly-met credit, met at, partly met at, holistic weight. */
    static final double[][] CREDIT_AXES = {
            {0.3, 0.4, 0.5, 0.6, 0.7},
            {0.8, 0.9, 1.0},
            {0.4, 0.5, 0.6},
            {0, 0.25, 0.5, 0.75}};

    /** {@code start} with the values of one point of {@link #CREDIT_AXES}. */
    static SemanticGradingSettings withCredit(SemanticGradingSettings start, double[] v) {
        return start.withEvidence(start.contrast(), start.similarityFloor(), start.similarityCeiling(), start.phraseWeight(),
                        start.supportWeight(), v[1], v[2])
                .withHolistic(v[3], start.holisticFloor(), start.holisticCeiling())
                .withPartlyMetCredit(v[0]);
    }

    /** Highest band pull the tune half may pick: half, so that answers of one grade keep half their spread. */
    static final double MAX_BAND_PULL = 0.5;

    /**
     * The band pull, on the TUNE half only: the lowest MAE up to {@link #MAX_BAND_PULL}. It never changes a grade
     * or a review flag, so QWK and the review rate stay as they are; past half way the scores of one grade
     * would bunch up so closely that they no longer tell a strong 3 from a weak one.
     */
    public SemanticGradingSettings tuneBandPull(SemanticGradingSettings start) {
        SemanticGradingSettings best = start.withBandPull(0);
        double bestMae = evaluate(Split.TUNE, best).maePercent();
        for (int tenths = 1; tenths <= Math.round(MAX_BAND_PULL * 10); tenths++) {
            SemanticGradingSettings candidate = start.withBandPull(tenths / 10.0);
            double mae = evaluate(Split.TUNE, candidate).maePercent();
            if (mae < bestMae - 0.1) {
                best = candidate;
                bestMae = mae;
            }
        }
        return best;
    }

    /**
     * The engaged-wrong floor, on the TUNE half only: the lowest MAE among no floor and the grade-1 percentages
     * from 15 (clear of the 12.5 boundary and its review margin) to 25 (grade 1's centre, what a human gives such an
     * answer), with QWK no lower and no more answers sent to review than without a floor.
     */
    public SemanticGradingSettings tuneEngagedWrongFloor(SemanticGradingSettings start) {
        List<SemanticGradingSettings> candidates = new ArrayList<>();
        for (double floor : new double[] {15, 17.5, 20, 22.5, 25}) {
            candidates.add(start.withEngagedWrongFloor(floor));
        }
        return closestNoWorse(start.withEngagedWrongFloor(0), candidates);
    }

    /**
     * Of {@code candidates}, the one with the lowest tune-half MAE among those whose QWK is no lower, and which send
     * no more answers to review, than {@code without}; {@code without} if none is closer. Strictly closer by a tenth
     * of a point, so that ties keep the earlier, simpler candidate.
     */
    private SemanticGradingSettings closestNoWorse(SemanticGradingSettings without, List<SemanticGradingSettings> candidates) {
        Report base = evaluate(Split.TUNE, without);
        SemanticGradingSettings best = without;
        double bestMae = base.maePercent();
        for (SemanticGradingSettings candidate : candidates) {
            Report r = evaluate(Split.TUNE, candidate);
            if (r.agreement().qwk() >= base.agreement().qwk() - 1e-9
                    && r.reviewShare() <= base.reviewShare() && r.maePercent() < bestMae - 0.1) {
                best = candidate;
                bestMae = r.maePercent();
            }
        }
        return best;
    }

    /**
     * The calibration (percent given at a credit of 0, 25, 50, 75, 100 %), on the TUNE half only: the lowest
     * MAE among monotone calibrations whose QWK is no lower, and which send no more answers to review, than
     * without one. The percent for a credit of 0 stays under 12.5 (grade 0): nothing earned is never a
     * machine grade 1 (SemanticGradingPolicy says why).
     */
    public SemanticGradingSettings tuneCalibration(SemanticGradingSettings start) {
        List<SemanticGradingSettings> candidates = new ArrayList<>();
        for (double c0 : new double[] {0, 2, 4, 6, 8, 10, 12}) {
            for (double c1 : new double[] {20, 25, 30, 35}) {
                for (double c2 : new double[] {45, 50, 55, 60}) {
                    for (double c3 : new double[] {70, 75, 80, 85}) {
                        for (double c4 : new double[] {90, 95, 100}) {
                            candidates.add(start.withCalibration(List.of(c0, c1, c2, c3, c4)));
                        }
                    }
                }
            }
        }
        return closestNoWorse(start.withCalibration(SemanticGradingSettings.IDENTITY), candidates);
    }
}
