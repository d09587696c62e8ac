package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NeighbouringQuestionsTest {

    /** Each text a fixed unit vector: the prompts of questions "a" and "a, reworded" close, everything else apart. */
    private static final Map<String, float[]> VECTORS = Map.of(
            "How do you shard?", new float[] {1, 0, 0, 0},
            "How would you shard a table?", new float[] {0.8f, 0.6f, 0, 0},
            "Split rows by key", new float[] {0, 0, 1, 0},
            "What is a deadlock?", new float[] {0, 0, 0, 1},
            "Two transactions wait on each other", new float[] {0, 0.6f, 0, 0.8f});

    private final AtomicInteger texts = new AtomicInteger();
    private final SentenceEmbedder embedder = batch -> {
        texts.addAndGet(batch.size());
        return batch.stream().map(VECTORS::get).toList();
    };

    private static FreeTextRubric question(String prompt, String keyPoint) {
        return new FreeTextRubric(prompt, prompt,
                List.of(new FreeTextRubric.Point("k", keyPoint, List.of(), List.of(), 1)), List.of());
    }

    private static RubricEmbeddings graded(String prompt, SentenceEmbedder embedder) {
        RubricMatcher matcher = new RubricMatcher();
        try {
            return RubricEmbeddings.of(question(prompt, "Split rows by key"), embedder, matcher, new NegationDetector());
        } finally {
            matcher.close();
        }
    }

    @Test
    void theGradedQuestionAndItsRewordingsAreLeftOutAndTheOthersKept() {
        NeighbouringQuestions neighbours = NeighbouringQuestions.of(List.of(
                question("How do you shard?", "Split rows by key"),
                question("What is a deadlock?", "Two transactions wait on each other")), embedder);

        // the same prompt (cosine 1) and a rewording (0.8, over 0.7) are the graded question itself
        assertThat(neighbours.besides(graded("How do you shard?", embedder)))
                .containsExactly(VECTORS.get("What is a deadlock?"), VECTORS.get("Two transactions wait on each other"));
        assertThat(neighbours.besides(graded("How would you shard a table?", embedder)))
                .containsExactly(VECTORS.get("What is a deadlock?"), VECTORS.get("Two transactions wait on each other"));
        // a question the map does not hold: every reference question is another one
        assertThat(neighbours.besides(graded("What is a deadlock?", embedder)))
                .containsExactly(VECTORS.get("How do you shard?"), VECTORS.get("Split rows by key"));
    }

    @Test
    void theQuestionsAreEmbeddedOnceAtTheFirstUse() {
        NeighbouringQuestions neighbours = NeighbouringQuestions.of(List.of(
                question("How do you shard?", "Split rows by key"),
                question("What is a deadlock?", "Two transactions wait on each other")), embedder);
        assertThat(texts.get()).isZero();
        RubricEmbeddings rubric = graded("What is a deadlock?", embedder);
        int forTheRubric = texts.get();

        neighbours.besides(rubric);
        neighbours.besides(rubric);

        assertThat(texts.get() - forTheRubric).isEqualTo(4);
    }

    @Test
    void aQuestionWithoutAPromptIsComparedWithNothing() {
        NeighbouringQuestions neighbours = NeighbouringQuestions.of(List.of(
                question("What is a deadlock?", "Two transactions wait on each other")), embedder);
        RubricMatcher matcher = new RubricMatcher();
        RubricEmbeddings promptless = RubricEmbeddings.of(new FreeTextRubric("q", null,
                List.of(new FreeTextRubric.Point("k", "Split rows by key", List.of(), List.of(), 1)), List.of()),
                embedder, matcher, new NegationDetector());
        matcher.close();

        assertThat(neighbours.besides(promptless)).isEmpty();
        assertThat(NeighbouringQuestions.NONE.besides(graded("How do you shard?", embedder))).isEmpty();
    }

    @Test
    void theStarterBanksFreeTextQuestionsAreOnTheClasspathWithTheirKeyPoints() {
        List<FreeTextRubric> bank = NeighbouringQuestions.starterBank();

        assertThat(bank).hasSizeGreaterThanOrEqualTo(20);
        List<String> prompts = new ArrayList<>();
        for (FreeTextRubric question : bank) {
            assertThat(question.prompt()).isNotBlank();
            assertThat(question.keyPoints()).isNotEmpty().allSatisfy(p -> assertThat(p.description()).isNotBlank());
            prompts.add(question.prompt());
        }
        assertThat(prompts).doesNotHaveDuplicates()
                .contains("What is the difference between database replication and database sharding, and when would you use each?");
    }
}
