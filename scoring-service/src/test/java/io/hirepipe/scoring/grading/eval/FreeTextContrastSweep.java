package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the contrast (the share of a clause's mean cosine to the other key points taken off its cosine to this one) does
 * on the tune half, its two folds and the probe set, per value, the rest as in application.yml; never the test half.
 * A value each fold prefers on its own holds out of sample: chosen on one fold, it is the choice of the other too.
 * Run with {@code -Devaluation=contrast}; {@code -Devaluation.unitOnTopicAt=0.4} sweeps it with that topicality floor.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "contrast")
class FreeTextContrastSweep {

    private static final double[] CONTRAST = {0.5, 0.625, 0.75, 0.875, 1.0, 1.125, 1.25};

    @Test
    void printTheFiguresForEachContrast() {
        CandidateFigures figures = new CandidateFigures();
        String unitOnTopicAt = System.getProperty("evaluation.unitOnTopicAt", "");
        SemanticGradingSettings s = unitOnTopicAt.isBlank() ? figures.settings()
                : figures.settings().withUnitOnTopicAt(Double.parseDouble(unitOnTopicAt));
        StringBuilder out = new StringBuilder("\n=== contrast: tune half, its folds, probe set ===\nunit-on-topic-at ")
                .append(s.unitOnTopicAt()).append('\n');
        for (double contrast : CONTRAST) {
            figures.append(out, "contrast " + contrast, s.withEvidence(contrast, s.similarityFloor(), s.similarityCeiling(),
                    s.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt()));
        }
        System.out.println(out);
    }
}
