package org.backrelief.bench.profile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** JFR recordings of several processes over the same stretch of load; profiling problems never fail a run. */
public final class Profiles {

    private static final int TOP = 15;

    private final Map<String, Jfr> recordings = new LinkedHashMap<>();
    private final Map<String, Object> failures = new LinkedHashMap<>();

    private Profiles() {
    }

    /**
     * @param processes name → pid; each recording goes to {@code dir/<label>-<name>.jfr}
     */
    public static Profiles start(boolean enabled, Path dir, String label, Map<String, Long> processes, Consumer<String> log) {
        Profiles profiles = new Profiles();
        if (!enabled) {
            return profiles;
        }
        processes.forEach((name, pid) -> {
            try {
                profiles.recordings.put(name, Jfr.start(pid, dir.resolve(label + "-" + name + ".jfr")));
            } catch (RuntimeException e) {
                profiles.failures.put(name, "profiling failed: " + e.getMessage());
                log.accept("profiling " + name + " failed: " + e.getMessage());
            }
        });
        return profiles;
    }

    /** Stops every recording; name → summary (or why there is none). Empty when profiling was off. */
    public Map<String, Object> stop() {
        Map<String, Object> summaries = new LinkedHashMap<>(failures);
        recordings.forEach((name, jfr) -> {
            try {
                summaries.put(name, jfr.stopAndSummarize(TOP));
            } catch (RuntimeException e) {
                summaries.put(name, "profiling failed: " + e.getMessage());
            }
        });
        recordings.clear();
        return summaries;
    }
}
