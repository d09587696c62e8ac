package io.hirepipe.scoring.analysis;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Score distribution, reliability and per-item statistics of one test version. */
final class TestStatistics {

    static final String FIXED = "FIXED";
    static final String POOLED = "POOLED";
    static final String FROM_SUBMISSIONS = "SUBMISSIONS";
    static final String INFERRED = "SAME_QUESTIONS_IN_EVERY_RESULT";

    private TestStatistics() {
    }

    /**
     * @param sittings newest first, at least one
     * @param options  the options of each choice question version, where the answer keys know them
     */
    static TestAnalysis analyse(String testId, int testVersion, String testTitle, List<Sitting> sittings,
                                boolean truncated, Map<Sitting.QuestionVersion, ChoiceOptions> options) {
        TestAnalysis.QuestionSelection selection = selection(sittings);
        List<ItemAnalysis> items = items(sittings, options);
        TestAnalysis.Reliability reliability = null;
        String note;
        if (selection.mode().equals(POOLED)) {
            note = "Not computed: questions were drawn from pools, so sessions did not answer the same items.";
        } else {
            reliability = reliability(sittings);
            note = reliability != null ? null
                    : "Not computed: needs at least two sessions, two items and some spread in the total scores.";
        }
        int provisional = (int) sittings.stream().filter(Sitting::provisional).count();
        return new TestAnalysis(testId, testVersion, testTitle, sittings.size(), provisional, truncated, selection,
                distribution(sittings), reliability, note, items);
    }

    /** Every question version that occurred, in the order the newest session presented them, then the rest. */
    static List<ItemAnalysis> items(List<Sitting> sittings, Map<Sitting.QuestionVersion, ChoiceOptions> options) {
        Map<Sitting.QuestionVersion, List<ItemStatistics.Response>> byQuestion = new LinkedHashMap<>();
        for (Sitting sitting : sittings) {
            for (Sitting.Answer answer : sitting.answers()) {
                byQuestion.computeIfAbsent(answer.question(), q -> new ArrayList<>())
                        .add(new ItemStatistics.Response(answer, sitting));
            }
        }
        return byQuestion.entrySet().stream()
                .map(e -> ItemStatistics.analyse(e.getValue(), options.getOrDefault(e.getKey(), ChoiceOptions.UNKNOWN)))
                .toList();
    }

    /**
     * Pooled as soon as one session says it drew from pools. When every session says it did not, fixed.
     * When some do not say (submissions from before pools existed), the test counts as fixed only if
     * every session had the same question versions.
     */
    static TestAnalysis.QuestionSelection selection(List<Sitting> sittings) {
        if (sittings.stream().anyMatch(s -> Boolean.TRUE.equals(s.drawnFromPools()))) {
            return new TestAnalysis.QuestionSelection(POOLED, FROM_SUBMISSIONS);
        }
        if (sittings.stream().allMatch(s -> Boolean.FALSE.equals(s.drawnFromPools()))) {
            return new TestAnalysis.QuestionSelection(FIXED, FROM_SUBMISSIONS);
        }
        long questionSets = sittings.stream().map(Sitting::questionSet).distinct().count();
        return new TestAnalysis.QuestionSelection(questionSets == 1 ? FIXED : POOLED, INFERRED);
    }

    /**
     * Cronbach's alpha over the items every session shares:
     * <pre>alpha = k / (k − 1) × (1 − Σ var(item i) / var(total))</pre>
     * with k items and sample variances of the points (the n − 1 in both cancels out). For items scored
     * right or wrong this is exactly KR-20, and it is named so. Null with fewer than two sessions or
     * items, or when the totals do not vary.
     */
    static TestAnalysis.Reliability reliability(List<Sitting> sittings) {
        List<Sitting.QuestionVersion> questions = sittings.get(0).questionSet();
        int k = questions.size();
        int n = sittings.size();
        if (k < 2 || n < 2) {
            return null;
        }
        double[][] scores = new double[k][n];
        double[] totals = new double[n];
        boolean dichotomous = true;
        for (int s = 0; s < n; s++) {
            Map<Sitting.QuestionVersion, Sitting.Answer> answers = sittings.get(s).answers().stream()
                    .collect(Collectors.toMap(Sitting.Answer::question, Function.identity(), (a, b) -> a));
            for (int i = 0; i < k; i++) {
                Sitting.Answer answer = answers.get(questions.get(i));
                double points = answer == null ? 0 : answer.points();
                scores[i][s] = points;
                totals[s] += points;
                dichotomous &= answer == null || points == 0 || points == answer.maxPoints();
            }
        }
        Variance variance = new Variance(true);
        double totalVariance = variance.evaluate(totals);
        if (totalVariance == 0) {
            return null;
        }
        double itemVariances = 0;
        for (double[] item : scores) {
            itemVariances += variance.evaluate(item);
        }
        double alpha = (double) k / (k - 1) * (1 - itemVariances / totalVariance);
        return new TestAnalysis.Reliability(dichotomous ? "KR_20" : "CRONBACH_ALPHA", alpha, k);
    }

    static TestAnalysis.ScoreDistribution distribution(List<Sitting> sittings) {
        double[] percents = sittings.stream().mapToDouble(Sitting::percent).toArray();
        Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quantile.setData(percents);
        int[] bands = new int[10];
        for (double percent : percents) {
            bands[Math.min(9, Math.max(0, (int) Math.floor(percent / 10)))]++;
        }
        List<TestAnalysis.Band> histogram = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            histogram.add(new TestAnalysis.Band(b * 10, b * 10 + 10, bands[b]));
        }
        double passed = sittings.stream().filter(Sitting::passed).count();
        return new TestAnalysis.ScoreDistribution(percents.length, new Mean().evaluate(percents),
                percents.length < 2 ? null : new StandardDeviation(true).evaluate(percents),
                Arrays.stream(percents).min().orElseThrow(), quantile.evaluate(25), quantile.evaluate(50),
                quantile.evaluate(75), Arrays.stream(percents).max().orElseThrow(), passed / percents.length,
                List.copyOf(histogram));
    }
}
