package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.FreeTextRubric;
import io.hirepipe.scoring.grading.NeighbouringQuestions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
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
import java.util.stream.Stream;

/**
 * A hand-graded free-text answer set: frozen questions with rubrics, answers, the primary grades and the
 * category each answer was written as. Three are in src/test/resources (their READMEs describe the files):
 * the dev set ({@link #load()}: tune/test split, a second grader) and two probe sets ({@link #probeSet(String)}:
 * answers to starter-bank questions the grader was never tuned on, all of them {@link Split#PROBE}).
 */
public record DevSet(Map<String, FreeTextRubric> rubrics, List<Answer> answers) {

    private static final String DEV_SET = "/devset/";
    static final String DEFAULT_PROBE_SET = "probeset";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** TUNE: settings are chosen on it; TEST: reporting and the regression guard; PROBE: reporting only. */
    public enum Split {
        TUNE, TEST, PROBE;

        /** How a report names the answers of this split. */
        public String label() {
            return this == PROBE ? "probe set" : name().toLowerCase() + " half";
        }
    }

    /**
     * The dev set was written with 14 answers per question (ids -01 to -14); session 13 added -15 to -19 to the tune
     * half, in the styles the grader over- and under-scores, session 17 added -20 to -25 and session 18 -26 to -29, in
     * the set's first mix, session 34 -30 and -31 (a plain contradiction and a right answer the contrary rule must
     * not hurt), and session 45 -32 to -34 (answers that carry code or configuration); each graded before any grader ran
     * on them.
     */
    static final int FIRST_WRITTEN_PER_QUESTION = 14;
    /**
     * Session 13's additions are -15 to -19 of each question; session 17's -20 to -25; 18's -26 to -29; 34's -30, -31;
     * 45's from -32 on.
     */
    static final int LAST_OF_SESSION_13 = 19;
    static final int LAST_OF_SESSION_17 = 25;
    static final int LAST_OF_SESSION_18 = 29;
    static final int LAST_OF_SESSION_34 = 31;

    public record Answer(String id, String questionKey, Split split, String text, int grade, String category) {

        public boolean isKeywordStuffed() {
            return "keyword-stuffed".equals(category);
        }

        /** Whether this dev-set answer was added after the set was first written (sessions 13's, 17's, 18's, 34's and 45's tune-half answers). */
        public boolean isLaterAddition() {
            return addedInSession() > 0;
        }

        /** The session that added this dev-set answer to the tune half (13, 17, 18, 34 or 45); 0 for the first-written and probe answers. */
        public int addedInSession() {
            int number = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            if (split == Split.PROBE || number <= FIRST_WRITTEN_PER_QUESTION) {
                return 0;
            }
            return number <= LAST_OF_SESSION_13 ? 13 : number <= LAST_OF_SESSION_17 ? 17 : number <= LAST_OF_SESSION_18 ? 18
                    : number <= LAST_OF_SESSION_34 ? 34 : 45;
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

    record BankJson(List<QuestionJson> questions) {
    }

    /** The dev set: its tune and test halves. */
    public static DevSet load() {
        return load(DEV_SET, "grades-primary.csv");
    }

    /**
     * The neighbour rule's map of other questions for both sets: a frozen copy of the starter bank's free-text questions
     * (session 28), so that later edits to the bank do not move the figures, as the frozen rubrics do not.
     */
    public static List<FreeTextRubric> neighbouringQuestions() {
        try (InputStream in = open(DEV_SET, "neighbouring-questions.json")) {
            return NeighbouringQuestions.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probe set: answers without a split, so every one is {@link Split#PROBE}. */
    public static DevSet probeSet() {
        return probeSet(DEFAULT_PROBE_SET);
    }

    /**
     * A probe set by its directory under src/test/resources: {@code probeset} (the first, session 9) or
     * {@code probeset-rest} (the starter-bank questions no other set covers, session 30).
     */
    public static DevSet probeSet(String name) {
        return load(probeDir(name), "grades.csv");
    }

    private static String probeDir(String name) {
        if (!name.matches("probeset[a-z-]*")) {
            throw new IllegalArgumentException("Not a probe set: " + name);
        }
        return "/" + name + "/";
    }

    private static DevSet load(String dir, String gradesFile) {
        List<QuestionJson> questions = JSON.readValue(open(dir, "questions.json"), new TypeReference<List<QuestionJson>>() {
        });
        Map<String, FreeTextRubric> rubrics = new LinkedHashMap<>();
        for (QuestionJson q : questions) {
            // the set's name in the question version: the two sets share keys (with different rubrics)
            rubrics.put(q.key(), rubric(dir.substring(1), q));
        }
        Map<String, Integer> grades = csv(dir, gradesFile, "grade").entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), Integer.parseInt(e.getValue())), Map::putAll);
        Map<String, String> categories = csv(dir, "categories.csv", "category");
        List<Answer> answers = new ArrayList<>();
        for (String line : new String(readAll(dir, "answers.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            AnswerJson a = JSON.readValue(line, AnswerJson.class);
            answers.add(new Answer(a.id(), a.questionKey(),
                    a.split() == null ? Split.PROBE : Split.valueOf(a.split().toUpperCase()), a.text(),
                    grades.get(a.id()), categories.get(a.id())));
        }
        return new DevSet(rubrics, List.copyOf(answers));
    }

    private static FreeTextRubric rubric(String versionPrefix, QuestionJson q) {
        List<FreeTextRubric.Point> points = q.rubric().keyPoints().stream()
                .map(k -> new FreeTextRubric.Point(k.id(), k.description(), k.phrases(), k.examples(), k.points()))
                .toList();
        List<FreeTextRubric.Misconception> misconceptions = q.rubric().misconceptions() == null ? List.of()
                : q.rubric().misconceptions().stream()
                .map(m -> new FreeTextRubric.Misconception(m.id(), m.description(), m.phrases(), m.points()))
                .toList();
        return new FreeTextRubric(versionPrefix + q.key(), q.prompt(), points, misconceptions);
    }

    /**
     * This set with the starter bank's rubrics as they are now (the copy in scoring-service's jar) in place of its
     * frozen ones, for the questions the bank has: what an edit to the bank's rubrics does to the set's figures.
     */
    public DevSet withTheBanksRubrics() {
        Map<String, FreeTextRubric> bank = new LinkedHashMap<>();
        try (InputStream in = DevSet.class.getResourceAsStream(NeighbouringQuestions.STARTER_BANK)) {
            if (in == null) {
                throw new IllegalStateException("No " + NeighbouringQuestions.STARTER_BANK + " on the classpath");
            }
            for (QuestionJson q : JSON.readValue(in, BankJson.class).questions()) {
                if ("FREE_TEXT".equals(q.kind())) {
                    bank.put(q.key(), rubric("bank/", q));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, FreeTextRubric> changed = new LinkedHashMap<>(rubrics);
        changed.replaceAll((key, frozen) -> bank.getOrDefault(key, frozen));
        return new DevSet(changed, answers);
    }

    /**
     * This set with one more example per key point: {@code extra} maps a question key to key point ids and the
     * sentence to add. The rubrics get a question key of their own ({@code +examples}), so nothing cached for the
     * set's own rubrics is reused.
     */
    public DevSet withExtraExamples(Map<String, Map<String, String>> extra) {
        Map<String, FreeTextRubric> changed = new LinkedHashMap<>();
        rubrics.forEach((key, rubric) -> {
            Map<String, String> added = extra.getOrDefault(key, Map.of());
            List<FreeTextRubric.Point> points = rubric.keyPoints().stream().map(p -> added.containsKey(p.id())
                    ? new FreeTextRubric.Point(p.id(), p.description(), p.phrases(),
                    Stream.concat(p.examples().stream(), Stream.of(added.get(p.id()))).toList(), p.points())
                    : p).toList();
            changed.put(key, new FreeTextRubric(rubric.questionKey() + "+examples", rubric.prompt(), points,
                    rubric.misconceptions()));
        });
        return new DevSet(changed, answers);
    }

    /** Second grader's grades by answer id for the 48 answers of blind-sample.txt, when grades-second.csv exists. */
    public static Optional<Map<String, Integer>> secondGrades() {
        return optionalGrades(DEV_SET, "grades-second.csv");
    }

    /**
     * Second grader's grades by answer id for session 13's 60 tune-half additions, when grades-second-added.csv
     * exists (graded blind, like grades-second.csv).
     */
    public static Optional<Map<String, Integer>> secondGradesOfAdditions() {
        return optionalGrades(DEV_SET, "grades-second-added.csv");
    }

    /**
     * Second grader's grades by answer id for a session's tune-half additions ({@code session} 17 or 18), when
     * grades-second-s{session}.csv exists (graded blind, like grades-second-added.csv).
     */
    public static Optional<Map<String, Integer>> secondGradesOfAdditionsIn(int session) {
        return optionalGrades(DEV_SET, "grades-second-s" + session + ".csv");
    }

    /** A probe set's second (blind) grader's grades by answer id, when its grades-second.csv exists. */
    public static Optional<Map<String, Integer>> probeSecondGrades(String name) {
        return optionalGrades(probeDir(name), "grades-second.csv");
    }

    private static Optional<Map<String, Integer>> optionalGrades(String dir, String file) {
        if (DevSet.class.getResource(dir + file) == null) {
            return Optional.empty();
        }
        Map<String, Integer> grades = new HashMap<>();
        csv(dir, file, "grade").forEach((id, g) -> grades.put(id, Integer.parseInt(g)));
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

    private static Map<String, String> csv(String dir, String file, String column) {
        try (Reader in = new InputStreamReader(open(dir, file), StandardCharsets.UTF_8)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                values.put(r.get("id"), r.get(column).strip());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(String dir, String file) {
        try (InputStream in = open(dir, file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String dir, String file) {
        InputStream in = DevSet.class.getResourceAsStream(dir + file);
        if (in == null) {
            throw new IllegalStateException("answer set file missing: " + dir + file);
        }
        return in;
    }
}
