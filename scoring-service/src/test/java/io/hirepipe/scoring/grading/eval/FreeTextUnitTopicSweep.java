package io.hirepipe.scoring.grading.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the per-unit topicality floor ({@code unit-on-topic-at}: a unit whose cosine to the prompt and to every key-point
 * reference stays below it is no semantic evidence) does on the tune half, its two folds and the probe set, per value;
 * never the test half. Run with {@code -Devaluation=unittopic}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "unittopic")
class FreeTextUnitTopicSweep {

    private static final double[] AT = {0, 0.15, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.45};

    @Test
    void printTheFiguresForEachUnitTopicalityFloor() {
        CandidateFigures figures = new CandidateFigures();
        StringBuilder out = new StringBuilder("\n=== unit-on-topic-at: tune half, its folds, probe set ===\n");
        for (double at : AT) {
            figures.append(out, "at " + (at == 0 ? "off" : at), figures.settings().withUnitOnTopicAt(at));
        }
        System.out.println(out);
    }
}
