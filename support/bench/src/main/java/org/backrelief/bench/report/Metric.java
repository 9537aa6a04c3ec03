package org.backrelief.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One figure, measured once per repetition: the report shows the median and the spread (min–max), and checks the
 * median against the target, if there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Metric {

    private final String id;
    private final String label;
    private final String unit;
    private final Target target;
    private final List<Double> samples = new ArrayList<>();
    private String note;

    public Metric(String id, String label, String unit, Target target) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.target = target;
    }

    public Metric add(double sample) {
        if (!Double.isNaN(sample)) {
            samples.add(sample);
        }
        return this;
    }

    public Metric note(String note) {
        this.note = note;
        return this;
    }

    @JsonProperty
    public String id() {
        return id;
    }

    @JsonProperty
    public String label() {
        return label;
    }

    @JsonProperty
    public String unit() {
        return unit;
    }

    @JsonProperty
    public String note() {
        return note;
    }

    @JsonProperty
    public List<Double> samples() {
        return Collections.unmodifiableList(samples);
    }

    @JsonProperty
    public Double median() {
        return samples.isEmpty() ? null : median(samples);
    }

    @JsonProperty
    public Double min() {
        return samples.stream().min(Double::compare).orElse(null);
    }

    @JsonProperty
    public Double max() {
        return samples.stream().max(Double::compare).orElse(null);
    }

    /** Spread relative to the median, in percent: (max - min) / median. */
    @JsonProperty
    public Double spreadPercent() {
        Double median = median();
        if (samples.size() < 2 || median == null || median == 0) {
            return null;
        }
        return 100 * (max() - min()) / Math.abs(median);
    }

    @JsonProperty("target")
    public String targetText() {
        return target == null ? null : target.describe(unit);
    }

    @JsonIgnore
    public Target target() {
        return target;
    }

    @JsonProperty
    public Status status() {
        if (samples.isEmpty()) {
            return target == null ? Status.INFO : Status.NA;
        }
        if (target == null) {
            return Status.INFO;
        }
        return target.isMet(median()) ? Status.PASS : Status.MISS;
    }

    /** The value as the table shows it: median, and the min–max range when there are several samples. */
    public String valueText() {
        if (samples.isEmpty()) {
            return "n/a";
        }
        String value = format(median()) + (unit.isEmpty() ? "" : " " + unit);
        if (samples.size() > 1) {
            value += " (" + format(min()) + "–" + format(max()) + ")";
        }
        return value;
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** About three significant figures, no exponent: 0.0123, 0.70, 1.23, 12.3, 123, 12,345. */
    public static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 0.1 || abs == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
