package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks that a change to the grader generalises, on the TUNE half only (never the test half): the tune
 * half's twelve questions are split into two folds of six (alternately, in key order), and a change is kept
 * only when it helps on both folds. Run with {@code -Devaluation=folds}; prints each fold's figures, the
 * error per answer category and every tune-half answer whose machine grade differs from the hand grade.
 * {@code -Devaluation.crossfit=true} also runs the grid search on each fold and judges its settings on the other
 * fold: whether re-fitting the settings, not only a rule, carries over to questions it did not see.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "folds")
class FreeTextCrossValidation {

    @Test
    void compareTheTwoFoldsOfTheTuneHalf() {
        SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), settings);
        Report tune = evaluation.evaluate(Split.TUNE, settings);
        List<String> questions = tune.graded().stream().map(g -> g.answer().questionKey()).distinct().sorted().toList();
        StringBuilder out = new StringBuilder("\n=== tune half, two folds by question ===\n").append(tune.summary()).append('\n');
        for (int fold = 0; fold < 2; fold++) {
            int f = fold;
            List<Graded> inFold = tune.graded().stream()
                    .filter(g -> questions.indexOf(g.answer().questionKey()) % 2 == f).toList();
            out.append(String.format("fold %s: %s%n", "AB".charAt(fold), figures(inFold)));
        }
        appendFirstWrittenAndAdded(out, tune.graded(), "");
        Map<String, List<Graded>> byCategory = tune.graded().stream()
                .collect(Collectors.groupingBy(g -> g.answer().category(), TreeMap::new, Collectors.toList()));
        byCategory.forEach((category, graded) -> out.append(String.format("  %-16s %s%n", category, figures(graded))));
        appendWrongGrades(out, tune.graded());
        if (Boolean.getBoolean("evaluation.crossfit")) {
            // the grid search fitted on one fold, judged on the other: does re-fitting carry over to unseen questions?
            for (int fold = 0; fold < 2; fold++) {
                int f = fold;
                List<String> other = questions.stream().filter(q -> questions.indexOf(q) % 2 != f).toList();
                SemanticGradingSettings fitted = new FreeTextEvaluation(DevSet.load().tuneFold(other), settings)
                        .tune(settings).withBandPull(settings.bandPull());
                List<Graded> judged = evaluation.evaluate(Split.TUNE, fitted).graded().stream()
                        .filter(g -> questions.indexOf(g.answer().questionKey()) % 2 == f).toList();
                out.append(String.format("fold %s, settings fitted on the other fold: %s%n    %s%n",
                        "AB".charAt(fold), figures(judged), fitted));
            }
        }
        String ids = System.getProperty("evaluation.ids", "");
        if (!ids.isBlank()) {
            List<String> wanted = List.of(ids.split(","));
            List<Graded> chosen = new ArrayList<>(tune.graded().stream().filter(g -> wanted.contains(g.answer().id())).toList());
            FreeTextEvaluationReport.appendSamples(out, chosen, Math.max(1, chosen.size()), "tune-half answers asked for");
        }
        System.out.println(out);
    }

    /** The tune half's answers as first written and those added by sessions 13, 17, 18, 34 and 45, apart, when there are any. */
    static void appendFirstWrittenAndAdded(StringBuilder out, List<Graded> graded, String indent) {
        if (graded.stream().noneMatch(g -> g.answer().isLaterAddition())) {
            return;
        }
        out.append(String.format("%sfirst written: %s%n", indent,
                figures(graded.stream().filter(g -> !g.answer().isLaterAddition()).toList())));
        for (int session : new int[] {13, 17, 18, 34, 45}) {
            List<Graded> added = graded.stream().filter(g -> g.answer().addedInSession() == session).toList();
            if (!added.isEmpty()) {
                out.append(String.format("%sadded in %d:   %s%n", indent, session, figures(added)));
            }
        }
    }

    /** One line per answer whose machine grade differs from the hand grade. */
    static void appendWrongGrades(StringBuilder out, List<Graded> graded) {
        graded.stream().filter(g -> g.machineGrade() != g.answer().grade())
                .forEach(g -> out.append(String.format("  %-28s %-15s hand %d  machine %5.1f%% (%d) %s%n",
                        g.answer().id(), g.answer().category(), g.answer().grade(), g.percent(), g.machineGrade(),
                        g.grade().flags())));
    }

    static String figures(List<Graded> graded) {
        Agreement agreement = Agreement.of(graded.stream()
                .map(g -> new Agreement.Pair(g.answer().grade(), g.machineGrade())).toList());
        return String.format("n=%2d QWK=%.3f MAE=%6.2f signed=%6.1f wrong=%2d review=%2d wrong and reviewed=%2d",
                graded.size(), agreement.qwk(),
                graded.stream().mapToDouble(g -> Math.abs(g.percent() - 25.0 * g.answer().grade())).average().orElse(0),
                graded.stream().mapToDouble(g -> g.percent() - 25.0 * g.answer().grade()).average().orElse(0),
                graded.stream().filter(g -> g.machineGrade() != g.answer().grade()).count(),
                graded.stream().filter(g -> g.grade().needsReview()).count(),
                graded.stream().filter(g -> g.grade().needsReview() && g.machineGrade() != g.answer().grade()).count());
    }
}
