package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.ChoiceScoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Choice items. All or nothing by default: the selected set must equal the correct set exactly.
 * Multiple-choice items may use partial credit instead:
 * <pre>points = maxPoints × max(0, right − wrong) / correctCount</pre>
 * where {@code right} and {@code wrong} count the distinct selected options inside and outside the
 * correct set. Each wrong pick cancels a right one, so selecting every option earns no more than
 * selecting none. Rounded half-up to two decimals.
 */
final class ChoiceGrader {

    private ChoiceGrader() {
    }

    static BigDecimal points(List<String> selectedOptionIds, List<String> correctOptionIds, int maxPoints,
                             ChoiceScoring scoring) {
        Set<String> correct = Set.copyOf(correctOptionIds);
        // a key without correct options is a broken question: never reward an empty selection for it
        if (correct.isEmpty() || maxPoints <= 0) {
            return Points.ZERO;
        }
        Set<String> selected = new HashSet<>(selectedOptionIds);
        if (scoring != ChoiceScoring.PARTIAL || correct.size() == 1) {
            return selected.equals(correct) ? Points.of(maxPoints) : Points.ZERO;
        }
        long right = selected.stream().filter(correct::contains).count();
        long wrong = selected.size() - right;
        long net = Math.max(0, right - wrong);
        return BigDecimal.valueOf(maxPoints).multiply(BigDecimal.valueOf(net))
                .divide(BigDecimal.valueOf(correct.size()), Points.SCALE, RoundingMode.HALF_UP);
    }
}
