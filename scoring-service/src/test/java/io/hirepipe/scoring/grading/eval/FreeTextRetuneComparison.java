package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

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

    /** The settings the grid search fits, by record component; met-at and partly-met-at are fitted as a pair. */
    private static final List<List<String>> FITTED = List.of(List.of("contrast"), List.of("similarityFloor"),
            List.of("similarityCeiling"), List.of("phraseWeight"), List.of("supportWeight"), List.of("metAt", "partlyMetAt"),
            List.of("misconceptionAt"), List.of("offTopicBelow"), List.of("keywordListCap"), List.of("calibration"),
            List.of("engagedWrongFloor"), List.of("bandPull"));

    @Test
    void printTheGridSearchTakenApart() {
        CandidateFigures figures = new CandidateFigures();
        SemanticGradingSettings current = figures.settings();
        SemanticGradingSettings fitted = figures.dev().tune(current);
        StringBuilder out = new StringBuilder("\n=== grid search on the tune half, taken apart ===\n")
                .append("fitted: ").append(fitted).append('\n');
        figures.append(out, "application.yml", current);
        figures.append(out, "grid search, all it changed", fitted);
        for (List<String> setting : FITTED) {
            List<Object> was = values(current, setting);
            List<Object> now = values(fitted, setting);
            if (!was.equals(now)) {
                String name = String.join(" and ", setting);
                figures.append(out, String.format("only %s: %s -> %s", name, was, now), withValuesOf(current, fitted, setting));
                figures.append(out, String.format("grid search, but %s as in application.yml (%s)", name, was),
                        withValuesOf(fitted, current, setting));
            }
        }
        System.out.println(out);
    }

    private static List<Object> values(SemanticGradingSettings settings, List<String> names) {
        List<Object> values = Arrays.stream(SemanticGradingSettings.class.getRecordComponents())
                .filter(c -> names.contains(c.getName())).map(c -> value(settings, c)).toList();
        if (values.size() != names.size()) {
            throw new IllegalStateException("not all of " + names + " are settings");
        }
        return values;
    }

    /** {@code base} with the named components taken from {@code from}. */
    private static SemanticGradingSettings withValuesOf(SemanticGradingSettings base, SemanticGradingSettings from,
                                                       List<String> names) {
        RecordComponent[] components = SemanticGradingSettings.class.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(c -> value(names.contains(c.getName()) ? from : base, c)).toArray();
        try {
            return SemanticGradingSettings.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(SemanticGradingSettings settings, RecordComponent component) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
