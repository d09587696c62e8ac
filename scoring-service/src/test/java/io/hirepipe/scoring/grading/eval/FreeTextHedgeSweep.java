package io.hirepipe.scoring.grading.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the hedge cap ({@code hedged-evidence-cap}: the most evidence a unit of a hedged sentence gives a key point)
 * does on the tune half, its two folds and the probe set, for a range of values; never the test half. Run with
 * {@code -Devaluation=hedge}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "hedge")
class FreeTextHedgeSweep {

    private static final double[] CAP = {Double.POSITIVE_INFINITY, 0.89, 0.8, 0.7, 0.6, 0.5};

    @Test
    void printTheFiguresForEachHedgeCap() {
        CandidateFigures figures = new CandidateFigures();
        StringBuilder out = new StringBuilder("\n=== hedged-evidence-cap: tune half, its folds, probe set ===\n");
        for (double cap : CAP) {
            figures.append(out, "cap " + (Double.isInfinite(cap) ? "off" : cap),
                    figures.settings().withHedgedEvidenceCap(cap));
        }
        System.out.println(out);
    }
}
