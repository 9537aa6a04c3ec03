package org.backrelief.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** All sections of one run, printed as one table and written as JSON. */
public final class Report {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    public Map<String, Object> meta() {
        return meta;
    }

    public Section section(String id, String title) {
        return sections.computeIfAbsent(id, key -> new Section(key, title));
    }

    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    /** Every figure that has a target, with its status: what the "targets" summary of the JSON lists. */
    public List<Map<String, Object>> checks() {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Section section : sections.values()) {
            for (Metric metric : section.metrics()) {
                if (metric.target() != null) {
                    Map<String, Object> check = new LinkedHashMap<>();
                    check.put("section", section.id());
                    check.put("metric", metric.id());
                    check.put("label", metric.label());
                    check.put("median", metric.median());
                    check.put("unit", metric.unit());
                    check.put("target", metric.targetText());
                    check.put("status", metric.status());
                    checks.add(check);
                }
            }
        }
        return checks;
    }

    public void writeJson(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("meta", meta);
        root.put("checks", checks());
        Map<String, Section> bySection = new LinkedHashMap<>(sections);
        root.put("sections", bySection);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The one table: a row per figure, grouped by section. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "#", "figure", "median (min–max)", "target", "status" });
        for (Section section : sections.values()) {
            String head = section.title() + (section.outcome() == Section.Outcome.COMPLETED ? ""
                    : "  [" + section.outcome() + ": " + section.error() + "]");
            rows.add(new String[] { section.id(), head, "", "", "" });
            for (Metric metric : section.metrics()) {
                rows.add(new String[] { "", "  " + metric.label(), metric.valueText(),
                        metric.targetText() == null ? "" : metric.targetText(),
                        metric.status() == Status.INFO ? "" : metric.status().name() });
            }
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (!(i == 1 && row[2].isEmpty() && row[0].length() > 0)) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
        }
        widths[1] = Math.min(widths[1], 70);
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            boolean sectionRow = !row[0].isEmpty() && row[2].isEmpty() && rows.indexOf(row) > 0;
            if (sectionRow) {
                out.append(pad(row[0], widths[0])).append("  ").append(row[1]).append('\n');
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                out.append(pad(row[i], widths[i]));
                if (i < row.length - 1) {
                    out.append("  ");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The same table as Markdown, for BENCHMARKS.md. */
    public String markdownTable() {
        StringBuilder out = new StringBuilder("| # | figure | median (min–max) | target | status |\n|---|---|---|---|---|\n");
        for (Section section : sections.values()) {
            out.append("| ").append(section.id()).append(" | **").append(section.title()).append("**");
            if (section.outcome() != Section.Outcome.COMPLETED) {
                out.append(" — ").append(section.outcome()).append(": ").append(section.error().replace("|", "\\|"));
            }
            out.append(" | | | |\n");
            for (Metric metric : section.metrics()) {
                out.append("| | ").append(metric.label()).append(" | ").append(metric.valueText()).append(" | ")
                        .append(metric.targetText() == null ? "" : metric.targetText()).append(" | ")
                        .append(metric.status() == Status.INFO ? "" : "**" + metric.status() + "**").append(" |\n");
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        return text + " ".repeat(width - text.length());
    }
}
