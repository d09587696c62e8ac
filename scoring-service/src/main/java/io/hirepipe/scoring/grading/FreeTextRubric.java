package io.hirepipe.scoring.grading;

import java.util.List;

/**
 * What a free-text grader needs of one question version.
 *
 * @param questionKey     identifies the question version (for example {@code questionId:version}), so
 *                        graders can cache per-version work such as key-point embeddings
 * @param prompt          the question as the candidate saw it; may be null
 * @param keyPoints       what a good answer says, each worth its points
 * @param misconceptions  statements that cost points when the answer makes them
 */
public record FreeTextRubric(String questionKey, String prompt, List<Point> keyPoints,
                             List<Misconception> misconceptions) {

    public FreeTextRubric {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    public int maxPoints() {
        return keyPoints.stream().mapToInt(Point::points).sum();
    }

    /**
     * @param description a sentence saying what the answer should convey
     * @param phrases     words that signal it (compared after stemming)
     * @param examples    optional example sentences that meet it
     */
    public record Point(String id, String description, List<String> phrases, List<String> examples, int points) {

        public Point {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    /**
     * @param penaltyPoints what making this statement costs, at most the item's points in total; the semantic grader
     *                      takes at least a grade step, a quarter of the item's points ({@code SemanticGradingPolicy})
     */
    public record Misconception(String id, String description, List<String> phrases, int penaltyPoints) {

        public Misconception {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }
}
