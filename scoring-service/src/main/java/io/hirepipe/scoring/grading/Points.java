package io.hirepipe.scoring.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Points are decimals with two places, rounded half-up, everywhere in scoring. */
public final class Points {

    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Points() {
    }

    public static BigDecimal of(long points) {
        return BigDecimal.valueOf(points).setScale(SCALE);
    }

    /** A computed share of points (a credit times a key point's worth), to two places. */
    public static BigDecimal of(double points) {
        return BigDecimal.valueOf(points).setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal of(BigDecimal points) {
        return points == null ? ZERO : points.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** {@code points} kept within 0..max and to two places. */
    public static BigDecimal clamp(BigDecimal points, int max) {
        BigDecimal value = of(points);
        if (value.signum() < 0) {
            return ZERO;
        }
        BigDecimal upper = of(Math.max(0, max));
        return value.compareTo(upper) > 0 ? upper : value;
    }
}
