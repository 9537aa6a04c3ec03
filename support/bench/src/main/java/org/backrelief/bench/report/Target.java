package org.backrelief.bench.report;

/**
 * A target a figure is checked against: {@code value <= limit} or {@code value >= limit}. The harness reports PASS or
 * MISS; it never fails a build on a timing, because timings on a shared 2-core machine are noisy.
 */
public record Target(Comparison comparison, double limit) {

    public enum Comparison {
        AT_MOST("≤"),
        AT_LEAST("≥");

        public final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    public static Target atMost(double limit) {
        return new Target(Comparison.AT_MOST, limit);
    }

    public static Target atLeast(double limit) {
        return new Target(Comparison.AT_LEAST, limit);
    }

    public boolean isMet(double value) {
        return comparison == Comparison.AT_MOST ? value <= limit : value >= limit;
    }

    public String describe(String unit) {
        return comparison.symbol + " " + Metric.format(limit) + (unit.isEmpty() ? "" : " " + unit);
    }
}
