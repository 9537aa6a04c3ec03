package org.backrelief.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One numbered measurement of the issue (ingest, freshness, ...): its figures, free-form details (percentile tables,
 * query plans, profiles) and, if it could not run to the end, why.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class Section {

    public enum Outcome {
        COMPLETED,
        FAILED,
        SKIPPED
    }

    private final String id;
    private final String title;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Outcome outcome = Outcome.COMPLETED;
    private String error;
    private double seconds;

    public Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The metric with this id, created on first use, so each repetition adds its sample to the same figure. */
    public Metric metric(String metricId, String label, String unit, Target target) {
        return metrics.computeIfAbsent(metricId, key -> new Metric(key, label, unit, target));
    }

    public Metric metric(String metricId, String label, String unit) {
        return metric(metricId, label, unit, null);
    }

    /** The metric with this id if a measurement created it; unlike {@link #metric}, never creates one. */
    public Optional<Metric> find(String metricId) {
        return Optional.ofNullable(metrics.get(metricId));
    }

    public Section detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public List<Object> detailList(String key) {
        return (List<Object>) details.computeIfAbsent(key, k -> new ArrayList<>());
    }

    public Section note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    public void failed(Throwable error) {
        this.outcome = Outcome.FAILED;
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        this.error = error.getClass().getSimpleName() + ": " + message;
    }

    public void skipped(String reason) {
        this.outcome = Outcome.SKIPPED;
        this.error = reason;
    }

    public void seconds(double seconds) {
        this.seconds = seconds;
    }

    @JsonProperty
    public String id() {
        return id;
    }

    @JsonProperty
    public String title() {
        return title;
    }

    @JsonProperty
    public Outcome outcome() {
        return outcome;
    }

    @JsonProperty
    public String error() {
        return error;
    }

    @JsonProperty
    public double seconds() {
        return Math.round(seconds * 10) / 10.0;
    }

    @JsonProperty
    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    @JsonProperty
    public Map<String, Object> details() {
        return details;
    }

    @JsonProperty
    public List<String> notes() {
        return notes;
    }
}
