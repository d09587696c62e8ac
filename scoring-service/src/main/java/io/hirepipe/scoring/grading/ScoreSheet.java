package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.ItemStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Every item of one submission with its totals.
 *
 * @param points      the items' points added up, two decimal places
 * @param percent     points as a percentage of maxPoints, rounded half-up to one decimal (0 when the
 *                    test is worth nothing)
 * @param passed      {@code percent >= passMarkPercent}, on the rounded figure the recruiter sees, so the
 *                    report never shows "70.0%, pass mark 70%, not passed"
 * @param reviewCount items a person should review before the result is final
 */
public record ScoreSheet(List<GradedItem> items, BigDecimal points, int maxPoints, double percent, int passMarkPercent,
                         boolean passed, int reviewCount) {

    public ScoreSheet {
        items = List.copyOf(items);
    }

    public static ScoreSheet of(List<GradedItem> items, int passMarkPercent) {
        BigDecimal points = items.stream().map(GradedItem::points).reduce(Points.ZERO, BigDecimal::add);
        int maxPoints = items.stream().mapToInt(GradedItem::maxPoints).sum();
        double percent = percent(points, maxPoints);
        int reviewCount = (int) items.stream().filter(item -> item.status() == ItemStatus.NEEDS_REVIEW).count();
        return new ScoreSheet(items, points, maxPoints, percent, passMarkPercent, percent >= passMarkPercent,
                reviewCount);
    }

    public static double percent(BigDecimal points, int maxPoints) {
        if (maxPoints <= 0) {
            return 0.0;
        }
        return points.multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(maxPoints), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static double percent(int points, int maxPoints) {
        return percent(BigDecimal.valueOf(points), maxPoints);
    }
}
