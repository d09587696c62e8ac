package io.hirepipe.scoring.answerkey;

import java.util.List;

/**
 * A wrong statement the rubric names.
 *
 * @param points what stating it costs
 */
public record RubricMisconception(String id, String description, List<String> phrases, int points) {

    public RubricMisconception {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
