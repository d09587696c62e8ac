package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.FreeTextGrade;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Diagnosis on the TUNE half only (never the test half): error per answer category and why items go to
 * review. Run with {@code -Devaluation=explore}; {@code -Devaluation.ids=a,b} also prints those tune-half
 * answers with their evidence, {@code -Devaluation.disagreements=true} every tune-half answer whose machine grade
 * differs from the hand grade.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "explore")
class FreeTextExploration {

    @Test
    void diagnoseTheTuneHalf() {
        SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), settings);
        Report tune = evaluation.evaluate(Split.TUNE, settings);
        StringBuilder out = new StringBuilder("\n=== tune half diagnosis ===\n").append(tune.summary()).append('\n');
        java.util.List<DevSet.Answer> answered = evaluation.devSet().half(Split.TUNE).stream()
                .filter(a -> !io.hirepipe.scoring.grading.SemanticFreeTextGrader.isBlank(a.text())).toList();
        out.append(String.format("units embedded per answer (model runs): %.2f over %d answers, %.1f words on average%n",
                answered.stream().mapToInt(a -> evaluation.grader().evidence(a.text(),
                        evaluation.devSet().rubrics().get(a.questionKey())).units().size()).average().orElse(0),
                answered.size(), answered.stream().mapToInt(a -> a.text().split("\\s+").length).average().orElse(0)));
        Map<String, java.util.List<Graded>> byCategory = tune.graded().stream()
                .collect(Collectors.groupingBy(g -> g.answer().category(), TreeMap::new, Collectors.toList()));
        byCategory.forEach((category, graded) -> out.append(String.format(
                "  %-16s n=%2d  MAE=%5.1f  signed=%6.1f  wrong grade=%d  review=%d%n", category, graded.size(),
                graded.stream().mapToDouble(g -> Math.abs(g.percent() - 25.0 * g.answer().grade())).average().orElse(0),
                graded.stream().mapToDouble(g -> g.percent() - 25.0 * g.answer().grade()).average().orElse(0),
                graded.stream().filter(g -> g.machineGrade() != g.answer().grade()).count(),
                graded.stream().filter(g -> g.grade().needsReview()).count())));
        for (FreeTextGrade.GradeFlag flag : FreeTextGrade.GradeFlag.values()) {
            long flagged = tune.graded().stream().filter(g -> g.grade().flags().contains(flag)).count();
            long wrong = tune.graded().stream().filter(g -> g.grade().flags().contains(flag)
                    && g.machineGrade() != g.answer().grade()).count();
            out.append(String.format("  flag %-15s %2d answers, %2d with a wrong grade%n", flag, flagged, wrong));
        }
        out.append("\ncredit shaping (tune half): partly-met credit, met at, partly met at, holistic weight "
                + "-> objective, QWK, MAE, review\n");
        java.util.List<String> creditRows = new java.util.ArrayList<>();
        double[][] axes = FreeTextEvaluation.CREDIT_AXES;
        for (double c : axes[0]) {
            for (double met : axes[1]) {
                for (double partly : axes[2]) {
                    for (double w : axes[3]) {
                        Report r = evaluation.evaluate(Split.TUNE,
                                FreeTextEvaluation.withCredit(settings, new double[] {c, met, partly, w}));
                        creditRows.add(String.format("%.3f  credit %.1f met %.1f partly %.1f weight %.2f"
                                        + " -> QWK %.3f MAE %.1f review %.0f%%", FreeTextEvaluation.objective(r), c, met,
                                partly, w, r.agreement().qwk(), r.maePercent(), 100 * r.reviewShare()));
                    }
                }
            }
        }
        creditRows.stream().sorted(java.util.Comparator.reverseOrder()).limit(15)
                .forEach(row -> out.append("  ").append(row).append('\n'));
        out.append("\nband pull (tune half; never changes a grade or a review flag):\n");
        for (double pull : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            out.append(String.format("  band pull %.2f: %s%n", pull,
                    evaluation.evaluate(Split.TUNE, settings.withBandPull(pull)).summary()));
        }
        out.append("  fitted (up to ").append(FreeTextEvaluation.MAX_BAND_PULL).append("): ")
                .append(evaluation.tuneBandPull(settings.withBandPull(0)).bandPull()).append('\n');
        out.append("\nholistic lift (tune half): weight floor ceiling -> objective, QWK, MAE\n");
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (double weight : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (double floor : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
                for (double ceiling : new double[] {0.6, 0.7, 0.8, 0.9}) {
                    if (ceiling <= floor) {
                        continue;
                    }
                    Report r = evaluation.evaluate(Split.TUNE, settings.withHolistic(weight, floor, ceiling));
                    rows.add(String.format("%.3f  weight %.2f floor %.1f ceiling %.1f -> QWK %.3f MAE %.1f review %.0f%%",
                            FreeTextEvaluation.objective(r), weight, floor, ceiling, r.agreement().qwk(),
                            r.maePercent(), 100 * r.reviewShare()));
                }
            }
        }
        rows.stream().sorted(java.util.Comparator.reverseOrder()).limit(25).forEach(row -> out.append("  ").append(row).append('\n'));
        SemanticGradingSettings calibrated = evaluation.tuneCalibration(settings);
        Report withCalibration = evaluation.evaluate(Split.TUNE, calibrated);
        out.append("\ncalibration fitted on the tune half: ").append(calibrated.calibration()).append(" -> ")
                .append(withCalibration.summary()).append('\n');
        Report identity = evaluation.evaluate(Split.TUNE, settings.withCalibration(SemanticGradingSettings.IDENTITY));
        out.append("without calibration: ").append(identity.summary()).append('\n');
        out.append("\nreview settings (tune half): lowConfidenceBelow nearThresholdWithin -> review share, errors flagged\n");
        for (double low : new double[] {0.3, 0.4, 0.5, 0.6}) {
            for (double near : new double[] {0, 1, 2, 3}) {
                Report r = evaluation.evaluate(Split.TUNE, settings.withReview(low, near));
                long flagged = r.graded().stream().filter(g -> g.grade().needsReview()).count();
                long wrongFlagged = r.graded().stream().filter(g -> g.grade().needsReview()
                        && g.machineGrade() != g.answer().grade()).count();
                long wrong = r.graded().stream().filter(g -> g.machineGrade() != g.answer().grade()).count();
                out.append(String.format("  low %.1f near %.0f -> review %.0f%% (%d), wrong flagged %d of %d%n", low, near,
                        100.0 * flagged / r.graded().size(), flagged, wrongFlagged, wrong));
            }
        }
        tune.graded().forEach(g -> out.append(String.format("  %-28s %-15s hand %d  machine %5.1f%% (%d) conf %.2f %s%n",
                g.answer().id(), g.answer().category(), g.answer().grade(), g.percent(), g.machineGrade(),
                g.grade().confidence(), g.grade().flags())));
        if (Boolean.getBoolean("evaluation.disagreements")) {
            java.util.List<Graded> wrong = tune.graded().stream().filter(g -> g.machineGrade() != g.answer().grade()).toList();
            FreeTextEvaluationReport.appendSamples(out, wrong, Math.max(1, wrong.size()), "tune-half disagreements");
        }
        String ids = System.getProperty("evaluation.ids", "");
        if (!ids.isBlank()) {
            java.util.List<String> wanted = java.util.List.of(ids.split(","));
            java.util.List<Graded> chosen = tune.graded().stream().filter(g -> wanted.contains(g.answer().id())).toList();
            FreeTextEvaluationReport.appendSamples(out, chosen, Math.max(1, chosen.size()), "tune-half answers asked for");
        }
        System.out.println(out);
    }
}
