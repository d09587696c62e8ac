package io.hirepipe.scoring.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Every item of one submission with its totals.
 *
 * @param percent points as a percentage of maxPoints, rounded half-up to one decimal (0 when the
 *                test is worth nothing)
 * @param passed  {@code percent >= passMarkPercent}, on the rounded figure the recruiter sees, so the
 *                report never shows "70.0%, pass mark 70%, not passed"
 */
public record ScoreSheet(List<GradedItem> items, int points, int maxPoints, double percent, int passMarkPercent,
                         boolean passed) {

    public ScoreSheet {
        items = List.copyOf(items);
    }

    public static ScoreSheet of(List<GradedItem> items, int passMarkPercent) {
        int points = items.stream().mapToInt(GradedItem::points).sum();
        int maxPoints = items.stream().mapToInt(GradedItem::maxPoints).sum();
        double percent = percent(points, maxPoints);
        return new ScoreSheet(items, points, maxPoints, percent, passMarkPercent, percent >= passMarkPercent);
    }

    static double percent(int points, int maxPoints) {
        if (maxPoints <= 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(maxPoints), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
