package io.hirepipe.scoring.answerkey;

import java.util.List;

/** One rubric key point as scoring needs it: any one phrase met earns the points. */
public record RubricKeyPoint(String id, List<String> phrases, int points) {

    public RubricKeyPoint {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
