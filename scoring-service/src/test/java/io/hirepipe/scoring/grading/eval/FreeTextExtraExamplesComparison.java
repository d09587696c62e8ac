package io.hirepipe.scoring.grading.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Map;

/**
 * Session 20's candidate: the rubrics as they are, against the same rubrics with one more example per key point
 * read from {@code -Devaluation.examples=FILE} (a JSON object: question key → key point id → sentence); the
 * tune half, its folds and the probe set, never the test half. Run with {@code -Devaluation=examples}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "examples")
class FreeTextExtraExamplesComparison {

    @Test
    void printTheFiguresWithAndWithoutTheExtraExamples() {
        Map<String, Map<String, String>> extra = JsonMapper.builder().build().readValue(
                Path.of(System.getProperty("evaluation.examples")).toFile(),
                new TypeReference<Map<String, Map<String, String>>>() {
                });
        StringBuilder out = new StringBuilder("\n=== one more example per key point: tune half, its folds, probe set ===\n");
        CandidateFigures asTheyAre = new CandidateFigures();
        asTheyAre.append(out, "rubrics as they are", asTheyAre.settings());
        CandidateFigures withExamples = new CandidateFigures(DevSet.load().withExtraExamples(extra),
                DevSet.probeSet().withExtraExamples(extra));
        withExamples.append(out, "with " + extra.values().stream().mapToInt(Map::size).sum() + " extra examples",
                withExamples.settings());
        System.out.println(out);
    }
}
