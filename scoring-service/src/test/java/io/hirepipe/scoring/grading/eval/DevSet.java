package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.FreeTextRubric;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-graded free-text dev set under src/test/resources/devset (its README describes the files):
 * frozen questions with rubrics, answers with their tune/test split, the primary grades and the
 * category each answer was written as.
 */
public record DevSet(Map<String, FreeTextRubric> rubrics, List<Answer> answers) {

    private static final String DIR = "/devset/";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public enum Split { TUNE, TEST }

    public record Answer(String id, String questionKey, Split split, String text, int grade, String category) {

        public boolean isKeywordStuffed() {
            return "keyword-stuffed".equals(category);
        }
    }

    record QuestionJson(String key, String kind, String title, String prompt, RubricJson rubric, List<String> tags) {
    }

    record RubricJson(List<KeyPointJson> keyPoints, List<MisconceptionJson> misconceptions) {
    }

    record KeyPointJson(String id, String description, List<String> phrases, List<String> examples, int points) {
    }

    record MisconceptionJson(String id, String description, List<String> phrases, int points) {
    }

    record AnswerJson(String id, String questionKey, String split, String text) {
    }

    public static DevSet load() {
        List<QuestionJson> questions = JSON.readValue(open("questions.json"), new TypeReference<List<QuestionJson>>() {
        });
        Map<String, FreeTextRubric> rubrics = new LinkedHashMap<>();
        for (QuestionJson q : questions) {
            List<FreeTextRubric.Point> points = q.rubric().keyPoints().stream()
                    .map(k -> new FreeTextRubric.Point(k.id(), k.description(), k.phrases(), k.examples(), k.points()))
                    .toList();
            List<FreeTextRubric.Misconception> misconceptions = q.rubric().misconceptions() == null ? List.of()
                    : q.rubric().misconceptions().stream()
                    .map(m -> new FreeTextRubric.Misconception(m.id(), m.description(), m.phrases(), m.points()))
                    .toList();
            rubrics.put(q.key(), new FreeTextRubric("devset/" + q.key(), q.prompt(), points, misconceptions));
        }
        Map<String, Integer> grades = csv("grades-primary.csv", "grade").entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), Integer.parseInt(e.getValue())), Map::putAll);
        Map<String, String> categories = csv("categories.csv", "category");
        List<Answer> answers = new ArrayList<>();
        for (String line : new String(readAll("answers.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            AnswerJson a = JSON.readValue(line, AnswerJson.class);
            answers.add(new Answer(a.id(), a.questionKey(), Split.valueOf(a.split().toUpperCase()), a.text(),
                    grades.get(a.id()), categories.get(a.id())));
        }
        return new DevSet(rubrics, List.copyOf(answers));
    }

    /** Second grader's grades by answer id, when grades-second.csv exists. */
    public static Optional<Map<String, Integer>> secondGrades() {
        if (DevSet.class.getResource(DIR + "grades-second.csv") == null) {
            return Optional.empty();
        }
        Map<String, Integer> grades = new HashMap<>();
        csv("grades-second.csv", "grade").forEach((id, g) -> grades.put(id, Integer.parseInt(g)));
        return Optional.of(grades);
    }

    /** The tune-half answers to these questions only: a fold of the tune half, to fit settings on. */
    public DevSet tuneFold(java.util.Collection<String> questionKeys) {
        return new DevSet(rubrics, answers.stream()
                .filter(a -> a.split() == Split.TUNE && questionKeys.contains(a.questionKey())).toList());
    }

    public List<Answer> half(Split split) {
        return answers.stream().filter(a -> a.split() == split).toList();
    }

    private static Map<String, String> csv(String file, String column) {
        try (Reader in = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                values.put(r.get("id"), r.get(column).strip());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = DevSet.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("dev set file missing: " + DIR + file);
        }
        return in;
    }
}
