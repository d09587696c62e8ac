package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The grid search re-run on the tune half, taken apart: the figures of application.yml, of everything the grid search
 * picks, of each setting it changes on its own, and of its pick with each such setting put back as it was; on the
 * tune half (first-written answers and later additions apart), its two folds and the probe set, never the test half.
 * Which part of a re-fit carries the gain, and whether that part also holds on the folds and the probe set. The tune
 * and fold rows of a fitted setting are in-sample; {@code -Devaluation=folds -Devaluation.crossfit=true} judges the
 * fit out of sample. Run with {@code -Devaluation=retune}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "retune")
class FreeTextRetuneComparison {

    /** One setting the grid search fits: how to read it and how to set it alone. */
    private record Fitted(String name, Function<SemanticGradingSettings, Object> value,
                          BiFunction<SemanticGradingSettings, SemanticGradingSettings, SemanticGradingSettings> takeFrom) {
    }

    private static final List<Fitted> FITTED = List.of(
            new Fitted("contrast", SemanticGradingSettings::contrast, (s, o) -> s.withEvidence(o.contrast(),
                    s.similarityFloor(), s.similarityCeiling(), s.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt())),
            new Fitted("similarity-floor", SemanticGradingSettings::similarityFloor, (s, o) -> s.withEvidence(s.contrast(),
                    o.similarityFloor(), s.similarityCeiling(), s.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt())),
            new Fitted("similarity-ceiling", SemanticGradingSettings::similarityCeiling, (s, o) -> s.withEvidence(s.contrast(),
                    s.similarityFloor(), o.similarityCeiling(), s.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt())),
            new Fitted("phrase-weight", SemanticGradingSettings::phraseWeight, (s, o) -> s.withEvidence(s.contrast(),
                    s.similarityFloor(), s.similarityCeiling(), o.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt())),
            new Fitted("support-weight", SemanticGradingSettings::supportWeight, (s, o) -> s.withEvidence(s.contrast(),
                    s.similarityFloor(), s.similarityCeiling(), s.phraseWeight(), o.supportWeight(), s.metAt(), s.partlyMetAt())),
            new Fitted("met-at and partly-met-at", s -> List.of(s.metAt(), s.partlyMetAt()), (s, o) -> s.withEvidence(
                    s.contrast(), s.similarityFloor(), s.similarityCeiling(), s.phraseWeight(), s.supportWeight(), o.metAt(),
                    o.partlyMetAt())),
            new Fitted("misconception-at", SemanticGradingSettings::misconceptionAt,
                    (s, o) -> s.withGates(o.misconceptionAt(), s.offTopicBelow(), s.keywordListCap())),
            new Fitted("off-topic-below", SemanticGradingSettings::offTopicBelow,
                    (s, o) -> s.withGates(s.misconceptionAt(), o.offTopicBelow(), s.keywordListCap())),
            new Fitted("keyword-list-cap", SemanticGradingSettings::keywordListCap,
                    (s, o) -> s.withGates(s.misconceptionAt(), s.offTopicBelow(), o.keywordListCap())),
            new Fitted("calibration", SemanticGradingSettings::calibration, (s, o) -> s.withCalibration(o.calibration())),
            new Fitted("engaged-wrong-floor", SemanticGradingSettings::engagedWrongFloor,
                    (s, o) -> s.withEngagedWrongFloor(o.engagedWrongFloor())),
            new Fitted("band-pull", SemanticGradingSettings::bandPull, (s, o) -> s.withBandPull(o.bandPull())));

    @Test
    void printTheGridSearchTakenApart() {
        CandidateFigures figures = new CandidateFigures();
        SemanticGradingSettings current = figures.settings();
        SemanticGradingSettings fitted = figures.dev().tune(current);
        StringBuilder out = new StringBuilder("\n=== grid search on the tune half, taken apart ===\n")
                .append("fitted: ").append(fitted).append('\n');
        figures.append(out, "application.yml", current);
        figures.append(out, "grid search, all it changed", fitted);
        for (Fitted setting : FITTED) {
            Object was = setting.value().apply(current);
            Object now = setting.value().apply(fitted);
            if (!was.equals(now)) {
                figures.append(out, String.format("only %s: %s -> %s", setting.name(), was, now),
                        setting.takeFrom().apply(current, fitted));
                figures.append(out, String.format("grid search, but %s as in application.yml (%s)", setting.name(), was),
                        setting.takeFrom().apply(fitted, current));
            }
        }
        System.out.println(out);
    }
}
