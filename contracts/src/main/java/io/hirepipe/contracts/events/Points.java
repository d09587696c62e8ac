package io.hirepipe.contracts.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points on the wire have two decimal places: whole points read from an older producer ({@code 6})
 * and decimals ({@code 4.5}) become {@code 6.00} and {@code 4.50}, so that equal scores are equal
 * values whatever the producer wrote.
 */
final class Points {

    private Points() {
    }

    static BigDecimal twoDecimals(BigDecimal points) {
        return points == null ? null : points.setScale(2, RoundingMode.HALF_UP);
    }
}
