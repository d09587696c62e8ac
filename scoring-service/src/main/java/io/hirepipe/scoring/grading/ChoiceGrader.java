package io.hirepipe.scoring.grading;

import java.util.List;
import java.util.Set;

/** Choice items are all or nothing: the selected set must equal the correct set exactly. */
final class ChoiceGrader {

    private ChoiceGrader() {
    }

    static int points(List<String> selectedOptionIds, List<String> correctOptionIds, int maxPoints) {
        Set<String> correct = Set.copyOf(correctOptionIds);
        // a key without correct options is a broken question: never reward an empty selection for it
        if (correct.isEmpty()) {
            return 0;
        }
        return Set.copyOf(selectedOptionIds).equals(correct) ? maxPoints : 0;
    }
}
