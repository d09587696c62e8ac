package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;

import java.util.List;

/**
 * The figures a sweep prints per candidate setting: the tune half, its two folds (six questions each) and the probe
 * set; never the test half.
 */
final class CandidateFigures {

    private CandidateFigures() {
    }

    static void append(StringBuilder out, String label, FreeTextEvaluation dev, FreeTextEvaluation probe,
                       SemanticGradingSettings candidate) {
        List<Graded> tune = dev.evaluate(Split.TUNE, candidate).graded();
        List<String> questions = tune.stream().map(g -> g.answer().questionKey()).distinct().sorted().toList();
        out.append(label).append(String.format("%n  tune   %s%n", FreeTextCrossValidation.figures(tune)));
        for (int fold = 0; fold < 2; fold++) {
            int f = fold;
            out.append(String.format("  fold %s %s%n", "AB".charAt(fold), FreeTextCrossValidation.figures(
                    tune.stream().filter(g -> questions.indexOf(g.answer().questionKey()) % 2 == f).toList())));
        }
        out.append(String.format("  probe  %s%n",
                FreeTextCrossValidation.figures(probe.evaluate(Split.PROBE, candidate).graded())));
    }
}
