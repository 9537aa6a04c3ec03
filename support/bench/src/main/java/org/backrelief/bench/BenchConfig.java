package org.backrelief.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes of one run. {@code quick} is the CI smoke (about two minutes, tiny N), {@code full} the manual run the issue
 * asks for (N = 200,000 once, 200 completions/s once, three repetitions of everything else; 43 minutes on 2 cores),
 * {@code medium} in between. Any field can be overridden with {@code --name=value}.
 */
public final class BenchConfig {

    public final String mode;
    /** Repetitions of every measurement; the report shows their median and spread. */
    public int reps;
    /**
     * Repetitions of each ingest data set (section 1 and the scale points). At the full size one ingest of 200,000
     * events takes 5–8 minutes of the embedded store here, so three of each (1.3 million events) would not finish
     * within the hour the issue allows; the full run ingests each data set once and repeats the rest three times.
     */
    public int ingestReps;
    /** Section 1: users and sessions per user pre-loaded on the topic: N = users × history. */
    public int ingestUsers;
    public int ingestHistory;
    /** Section 2: completions per second through the gateway, and for how long (after a warm-up). */
    public int freshnessRate;
    /**
     * Repetitions of section 2. At the full size one repetition signs up 7,001 users (a 6-week program each, 42
     * sessions: about 300,000 session documents) before its 30 s at 200/s; three would add some 600,000 more to the
     * embedded store and about 10 minutes, and every later section would run beside them. The full run does it once.
     */
    public int freshnessReps;
    public Duration freshnessWarmUp;
    public Duration freshnessDuration;
    /** The same constant-rate visibility check run directly on Kafka → tracker in each ingest stack (section 6). */
    public Duration trackerFreshnessDuration;
    /** Sections 3 and 4: closed-loop warm-up and measurement window per point. */
    public Duration loadWarmUp;
    public Duration loadDuration;
    /**
     * Section 3: load each gateway gets per request type before anything is measured. The gateway runs with the full
     * tiered JIT (C2, as in Kubernetes): its relay reaches steady speed only once C2 has compiled it, after 10-20 s of
     * load here, and what a long-running proxy costs is its steady speed. nginx and the services need no such warm-up.
     */
    public Duration gatewayJitWarmUp;
    public int gatewayConcurrency;
    public List<Integer> plannerConcurrency = List.of(1, 16, 64);
    /** Users with a profile among which program creation rotates. */
    public int plannerUsers;
    /** History page / stats query latency per ingest stack. */
    public int queryConcurrency = 4;
    public Duration queryDuration;
    /**
     * Profile the slowest paths with JFR. Off by default: attaching a recorder costs seconds of CPU on 2 cores and the
     * recording itself a few percent, so the reference figures come from an unprofiled run and profiles from another.
     */
    public boolean profile = false;
    /** Whether to run the scale points (section 6). */
    public boolean scale = true;
    /**
     * MongoDB: the embedded mongo-java-server with its "h2" backend (the local stack's, on disk) or "memory", or the
     * URI of a real MongoDB ({@code mongodb://...}; its backrelief_* databases are dropped before each stack).
     */
    public String mongoBackend = "h2";
    /** The services' JVM options, space-separated; empty = the local stack's (BackReliefServices.defaultJvmOptions). */
    public String serviceJvm = "";
    /**
     * A JDK 25 or newer (default: BACKRELIEF_SERVICE_JAVA_HOME, as the local stack reads it): section 5 then also
     * measures each service's time to ready on it with an AOT cache (recorded by one start first). Empty = not measured.
     */
    public String serviceJavaHome = System.getenv().getOrDefault("BACKRELIEF_SERVICE_JAVA_HOME", "");
    /** Sections to run (all by default): ingest, freshness, gateway, planner, footprint, scale. */
    public List<String> only = List.of();

    private BenchConfig(String mode) {
        this.mode = mode;
    }

    public static BenchConfig of(String mode) {
        BenchConfig c = new BenchConfig(mode);
        switch (mode) {
            case "quick" -> {
                c.reps = 1;
                c.ingestReps = 1;
                c.ingestUsers = 200;
                c.ingestHistory = 10;
                c.freshnessRate = 10;
                c.freshnessReps = 1;
                c.freshnessWarmUp = Duration.ofSeconds(1);
                c.freshnessDuration = Duration.ofSeconds(4);
                c.trackerFreshnessDuration = Duration.ofSeconds(2);
                c.loadWarmUp = Duration.ofSeconds(1);
                c.loadDuration = Duration.ofMillis(1500);
                c.gatewayJitWarmUp = Duration.ofSeconds(4);
                c.gatewayConcurrency = 16;
                c.plannerUsers = 16;
                c.queryDuration = Duration.ofMillis(1500);
            }
            case "medium" -> {
                c.reps = 3;
                c.ingestReps = 3;
                c.ingestUsers = 1_000;
                c.ingestHistory = 50;
                c.freshnessRate = 200;
                c.freshnessReps = 3;
                c.freshnessWarmUp = Duration.ofSeconds(3);
                c.freshnessDuration = Duration.ofSeconds(10);
                c.trackerFreshnessDuration = Duration.ofSeconds(8);
                c.loadWarmUp = Duration.ofSeconds(3);
                c.loadDuration = Duration.ofSeconds(6);
                c.gatewayJitWarmUp = Duration.ofSeconds(10);
                c.gatewayConcurrency = 16;
                c.plannerUsers = 256;
                c.queryDuration = Duration.ofSeconds(4);
            }
            case "full" -> {
                c.reps = 3;
                c.ingestReps = 1;
                c.ingestUsers = 2_000;
                c.ingestHistory = 100;
                c.freshnessRate = 200;
                c.freshnessReps = 1;
                c.freshnessWarmUp = Duration.ofSeconds(5);
                c.freshnessDuration = Duration.ofSeconds(30);
                c.trackerFreshnessDuration = Duration.ofSeconds(15);
                c.loadWarmUp = Duration.ofSeconds(5);
                c.loadDuration = Duration.ofSeconds(10);
                c.gatewayJitWarmUp = Duration.ofSeconds(15);
                c.gatewayConcurrency = 16;
                c.plannerUsers = 512;
                c.queryDuration = Duration.ofSeconds(5);
            }
            default -> throw new IllegalArgumentException("Unknown mode '" + mode + "': use --quick, --medium or --full");
        }
        return c;
    }

    /** N of section 1. */
    public long ingestEvents() {
        return (long) ingestUsers * ingestHistory;
    }

    /** Scale base point: a tenth of section 1's users with the same history; section 1 is its "10× users" point. */
    public int scaleBaseUsers() {
        return Math.max(1, ingestUsers / 10);
    }

    public boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    /** Applies {@code --name=value} overrides (durations in seconds). */
    public void override(Map<String, String> values) {
        Map<String, String> rest = new HashMap<>(values);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "reps" -> {
                    reps = Integer.parseInt(v);
                    if (!values.containsKey("ingest-reps")) {
                        ingestReps = reps;
                    }
                    if (!values.containsKey("freshness-reps")) {
                        freshnessReps = reps;
                    }
                }
                case "ingest-reps" -> ingestReps = Integer.parseInt(v);
                case "freshness-reps" -> freshnessReps = Integer.parseInt(v);
                case "users" -> ingestUsers = Integer.parseInt(v);
                case "history" -> ingestHistory = Integer.parseInt(v);
                case "rate" -> freshnessRate = Integer.parseInt(v);
                case "freshness-seconds" -> freshnessDuration = seconds(v);
                case "load-seconds" -> loadDuration = seconds(v);
                case "gateway-warmup-seconds" -> gatewayJitWarmUp = seconds(v);
                case "warmup-seconds" -> {
                    loadWarmUp = seconds(v);
                    freshnessWarmUp = seconds(v);
                }
                case "profile" -> profile = Boolean.parseBoolean(v);
                case "scale" -> scale = Boolean.parseBoolean(v);
                case "mongo" -> mongoBackend = v;
                case "only" -> only = List.of(v.split(","));
                case "service-jvm" -> serviceJvm = v.trim();
                case "service-java-home" -> serviceJavaHome = v.trim();
                default -> {
                    continue;
                }
            }
            rest.remove(e.getKey());
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + rest.keySet());
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    public Map<String, Object> describe() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("mode", mode);
        map.put("repetitions", reps);
        map.put("ingestRepetitions", ingestReps);
        map.put("ingestEvents", ingestEvents());
        map.put("ingestUsers", ingestUsers);
        map.put("ingestHistoryPerUser", ingestHistory);
        map.put("freshnessRatePerSecond", freshnessRate);
        map.put("freshnessRepetitions", freshnessReps);
        map.put("freshnessSeconds", freshnessDuration.toMillis() / 1000.0);
        map.put("loadWarmUpSeconds", loadWarmUp.toMillis() / 1000.0);
        map.put("loadSeconds", loadDuration.toMillis() / 1000.0);
        map.put("gatewayJitWarmUpSeconds", gatewayJitWarmUp.toMillis() / 1000.0);
        map.put("gatewayConcurrency", gatewayConcurrency);
        map.put("plannerConcurrency", plannerConcurrency);
        map.put("mongoBackend", mongoBackend);
        map.put("serviceJvm", serviceJvm);
        map.put("serviceJavaHome", serviceJavaHome);
        return map;
    }
}
