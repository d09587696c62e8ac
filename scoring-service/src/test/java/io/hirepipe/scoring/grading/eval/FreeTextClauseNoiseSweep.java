package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.eval.DevSet.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

/**
 * How the clause-count discount ({@code clause-noise}) does on the tune half, its two folds and the probe set, for a
 * range of values; never the test half. Run with {@code -Devaluation=clausenoise}. The evidence of each answer is
 * measured once, so the whole range costs one pass of the model over each set.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "clausenoise")
class FreeTextClauseNoiseSweep {

    private static final double[] NOISE = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.12};
    private static final double[] FROM = {1, 4, 6, 8, 10, 12, 14, 20};

    @Test
    void printTheFiguresForEachClauseNoise() {
        CandidateFigures figures = new CandidateFigures();
        FreeTextEvaluation dev = figures.dev();
        StringBuilder out = new StringBuilder("\n=== clause-noise: tune half, its folds, probe set ===\n");
        List<Integer> units = dev.devSet().half(Split.TUNE).stream().filter(a -> !a.text().isBlank())
                .map(a -> dev.grader().evidence(a.text(), dev.devSet().rubrics().get(a.questionKey())).units().size()).sorted().toList();
        out.append("tune-half units per answer: quartiles ").append(units.get(units.size() / 4)).append(' ')
                .append(units.get(units.size() / 2)).append(' ').append(units.get(3 * units.size() / 4)).append(", longest ").append(units.get(units.size() - 1)).append('\n');
        for (double from : FROM) for (double noise : NOISE) {
            figures.append(out, String.format("noise %.2f from %.0f", noise, from),
                    figures.settings().withClauseNoise(noise, from));
        }
        System.out.println(out);
    }
}
