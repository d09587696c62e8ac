package io.hirepipe.scoring.grading.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Session 20's candidate: the rubrics as they are, against the same rubrics with one more example per key point
 * read from {@code -Devaluation.examples=FILE} (a file, or a test resource: {@code candidates/plain-examples-s20.json}) (a JSON object: question key → key point id → sentence); the
 * tune half, its folds and the probe set, never the test half. Run with {@code -Devaluation=examples}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "examples")
class FreeTextExtraExamplesComparison {

    @Test
    void printTheFiguresWithAndWithoutTheExtraExamples() throws IOException {
        Map<String, Map<String, String>> extra = JsonMapper.builder().build().readValue(
                examples(System.getProperty("evaluation.examples")),
                new TypeReference<Map<String, Map<String, String>>>() {
                });
        StringBuilder out = new StringBuilder("\n=== one more example per key point: tune half, its folds, probe set ===\n");
        DevSet dev = DevSet.load();
        DevSet probe = DevSet.probeSet();
        CandidateFigures asTheyAre = new CandidateFigures(dev, probe);
        asTheyAre.append(out, "rubrics as they are", asTheyAre.settings());
        CandidateFigures withExamples = new CandidateFigures(dev.withExtraExamples(extra), probe.withExtraExamples(extra));
        withExamples.append(out, "with " + extra.values().stream().mapToInt(Map::size).sum() + " extra examples",
                withExamples.settings());
        System.out.println(out);
    }

    /** A file (relative to the module, where the tests run) or a test resource such as {@code candidates/…}. */
    private static InputStream examples(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.exists(file)) {
            return Files.newInputStream(file);
        }
        InputStream resource = FreeTextExtraExamplesComparison.class.getResourceAsStream("/" + location);
        if (resource == null) {
            throw new FileNotFoundException(location + ": neither a file nor a test resource");
        }
        return resource;
    }
}
