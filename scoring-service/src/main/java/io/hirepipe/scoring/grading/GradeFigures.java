package io.hirepipe.scoring.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the semantic grader rounds the figures it reports: points to the cent, shares and cosines to two places. */
final class GradeFigures {

    private GradeFigures() {
    }

    static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    static BigDecimal decimal(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP);
    }
}
