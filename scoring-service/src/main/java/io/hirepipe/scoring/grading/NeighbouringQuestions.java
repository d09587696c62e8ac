package io.hirepipe.scoring.grading;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Other questions a clause may be answering instead: the starter bank's free-text questions (copied into this
 * service's jar at build time), each as its prompt and its key points' descriptions and examples. An answer to a
 * neighbouring question ("how would you normalise the schema" under SQL-or-NoSQL, password hashing under securing a
 * REST API) shares the graded question's field, so its clauses reach the graded rubric's topicality floor and pick up
 * credit; measured against a map of the field, such a clause is plainly closer to the question it does answer
 * ({@link SemanticGradingPolicy}, the neighbour rule). A fixed map, not the tenant's own bank: a grade must not move
 * when a recruiter adds a question.
 *
 * <p>The graded question itself is left out of the map: any reference question whose prompt lies within
 * {@link #SAME_QUESTION_AT} of the graded one's is the same question, perhaps reworded (distinct starter questions'
 * prompts reach at most 0.52). A question without a prompt is compared with nothing. Embedded once, at the first
 * answer graded (about 250 texts). Thread-safe.
 */
@Component
public final class NeighbouringQuestions {

    /** No other questions: the neighbour rule never applies. */
    public static final NeighbouringQuestions NONE = new NeighbouringQuestions(() -> List.of());

    public static final String STARTER_BANK = "/grading/starter-bank.json";
    /** Prompts at least this close are one question; the closest two distinct starter questions are at 0.52. */
    static final double SAME_QUESTION_AT = 0.7;

    /** A question's prompt vector, and its prompt's and key points' vectors together. */
    record Question(float[] prompt, List<float[]> references) {
    }

    private final Supplier<List<Question>> source;
    private volatile List<Question> questions;

    @Autowired
    public NeighbouringQuestions(SentenceEmbedder embedder) {
        this(() -> embed(starterBank(), embedder));
    }

    /** These questions, embedded by {@code embedder} when first needed. */
    public static NeighbouringQuestions of(List<FreeTextRubric> rubrics, SentenceEmbedder embedder) {
        return new NeighbouringQuestions(() -> embed(rubrics, embedder));
    }

    private NeighbouringQuestions(Supplier<List<Question>> source) {
        this.source = source;
    }

    /** Every reference vector of the questions other than the one {@code rubric} belongs to. */
    List<float[]> besides(RubricEmbeddings rubric) {
        float[] prompt = rubric.promptVector();
        if (prompt == null) {
            return List.of();
        }
        List<float[]> others = new ArrayList<>();
        for (Question question : questions()) {
            if (SentenceEmbedder.cosine(prompt, question.prompt()) < SAME_QUESTION_AT) {
                others.addAll(question.references());
            }
        }
        return others;
    }

    private List<Question> questions() {
        List<Question> loaded = questions;
        if (loaded == null) {
            synchronized (this) {
                loaded = questions;
                if (loaded == null) {
                    loaded = questions = source.get();
                }
            }
        }
        return loaded;
    }

    private static List<Question> embed(List<FreeTextRubric> rubrics, SentenceEmbedder embedder) {
        List<Question> embedded = new ArrayList<>();
        for (FreeTextRubric rubric : rubrics) {
            if (rubric.prompt() == null || rubric.prompt().isBlank()) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            texts.add(rubric.prompt());
            for (FreeTextRubric.Point point : rubric.keyPoints()) {
                texts.add(point.description());
                texts.addAll(point.examples());
            }
            List<float[]> vectors = embedder.embed(texts);
            embedded.add(new Question(vectors.get(0), List.copyOf(vectors)));
        }
        return List.copyOf(embedded);
    }

    /** The starter bank's free-text questions: their prompts, key points' descriptions and examples. */
    static List<FreeTextRubric> starterBank() {
        try (InputStream in = NeighbouringQuestions.class.getResourceAsStream(STARTER_BANK)) {
            if (in == null) {
                throw new IllegalStateException(STARTER_BANK + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The free-text questions of a question bank in the starter bank's JSON form ({@code questions}: key, kind, prompt,
     * rubric.keyPoints with id, description, examples and points); phrases and misconceptions are not read.
     */
    public static List<FreeTextRubric> read(InputStream bank) {
        List<FreeTextRubric> rubrics = new ArrayList<>();
        for (JsonNode question : JsonMapper.builder().build().readTree(bank).path("questions")) {
            if (!"FREE_TEXT".equals(question.path("kind").asString())) {
                continue;
            }
            List<FreeTextRubric.Point> points = new ArrayList<>();
            for (JsonNode point : question.path("rubric").path("keyPoints")) {
                List<String> examples = new ArrayList<>();
                point.path("examples").forEach(example -> examples.add(example.asString()));
                points.add(new FreeTextRubric.Point(point.path("id").asString(),
                        point.path("description").asString(), List.of(), examples, point.path("points").asInt()));
            }
            rubrics.add(new FreeTextRubric("starter-bank:" + question.path("key").asString(),
                    question.path("prompt").asString(), points, List.of()));
        }
        return List.copyOf(rubrics);
    }
}
