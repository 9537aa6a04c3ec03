package org.backrelief.tracking.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding for reported figures: fixed decimals, half up, so equal inputs always print equal outputs. */
final class Numbers {

    private Numbers() {
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The mean to two decimals, or null when there is nothing to average. */
    static Double mean(double sum, int count) {
        return count == 0 ? null : round(sum / count, 2);
    }

    static double minutes(long seconds) {
        return round(seconds / 60.0, 1);
    }
}
