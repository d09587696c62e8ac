package io.hirepipe.scoring.answerkey;

import java.util.List;

/**
 * One rubric key point as scoring needs it.
 *
 * @param description what the answer should convey, shown as evidence; null in keys stored before it was kept
 * @param phrases     words that signal it (compared after stemming)
 * @param examples    example sentences that meet it; empty when the rubric gives none
 */
public record RubricKeyPoint(String id, String description, List<String> phrases, List<String> examples,
                             int points) {

    public RubricKeyPoint {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** A key point known by its phrases alone (lexical matching needs no more). */
    public RubricKeyPoint(String id, List<String> phrases, int points) {
        this(id, null, phrases, List.of(), points);
    }
}
