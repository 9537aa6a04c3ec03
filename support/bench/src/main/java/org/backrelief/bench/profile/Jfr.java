package org.backrelief.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import org.backrelief.infra.Pause;

/**
 * Profiles a running service with JDK Flight Recorder (async-profiler is not available here): {@code jcmd <pid>
 * JFR.start settings=profile} before the load, {@code JFR.stop} after, then the execution samples are summarized as
 * the hottest methods (self), the hottest BackRelief methods (inclusive) and the share per library.
 */
public final class Jfr {

    private static final String RECORDING = "bench";

    private final long pid;
    private final Path file;

    private Jfr(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    public static Jfr start(long pid, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + file, e);
        }
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file.toAbsolutePath());
        return new Jfr(pid, file);
    }

    /** Stops the recording (the JVM writes the file) and summarizes it. */
    public Map<String, Object> stopAndSummarize(int top) {
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
        for (int i = 0; i < 50 && !Files.exists(file); i++) {
            Pause.quietly(100);
        }
        return summarize(file, top);
    }

    private static String jcmd(long pid, String... args) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd");
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd is not available (a JDK, not a JRE, is needed to profile)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Summary of a recording: sample count, top self methods, top inclusive BackRelief methods, share per library, GC. */
    public static Map<String, Object> summarize(Path recording, int top) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        long gcPauseNanos = 0;
        int gcCount = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    String topMethod = name(frames.get(0).getMethod());
                    self.merge(topMethod, 1, Integer::sum);
                    byLibrary.merge(library(frames), 1, Integer::sum);
                    if (event.getThread("sampledThread") != null) {
                        byThread.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1, Integer::sum);
                    }
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String method = name(frame.getMethod());
                        if (method.startsWith("org.backrelief.") && seen.add(method)) {
                            inclusive.merge(method, 1, Integer::sum);
                        }
                    }
                } else if (type.equals("jdk.GarbageCollection")) {
                    gcCount++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + recording, e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("recording", recording.toString());
        summary.put("executionSamples", samples);
        summary.put("topSelfMethods", topShares(self, samples, top));
        summary.put("topBackReliefMethodsInclusive", topShares(inclusive, samples, top));
        summary.put("selfByLibrary", topShares(byLibrary, samples, top));
        summary.put("samplesByThread", topShares(byThread, samples, 8));
        summary.put("gcCount", gcCount);
        summary.put("gcPauseMs", Duration.ofNanos(gcPauseNanos).toMillis());
        return summary;
    }

    private static String name(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        return method.getType().getName() + "." + method.getName();
    }

    /** The library a sample's time is spent in: the package of the top frame, cut to a recognizable prefix. */
    static String library(List<RecordedFrame> frames) {
        RecordedMethod method = frames.get(0).getMethod();
        if (method == null) {
            return "?";
        }
        String type = method.getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(3, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, keep)));
    }

    /** Thread names without their numbers: "vert.x-eventloop-thread-1" → "vert.x-eventloop-thread". */
    static String threadGroup(String thread) {
        return thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\s*\\d+$", "");
    }

    private static List<Map<String, Object>> topShares(Map<String, Integer> counts, int total, int top) {
        List<Map<String, Object>> list = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", e.getKey());
                    row.put("samples", e.getValue());
                    row.put("percent", total == 0 ? 0 : Math.round(1000.0 * e.getValue() / total) / 10.0);
                    list.add(row);
                });
        return list;
    }
}
