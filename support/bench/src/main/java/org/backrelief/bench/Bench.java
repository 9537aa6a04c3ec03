package org.backrelief.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.backrelief.bench.infra.ProcStats;
import org.backrelief.bench.infra.ResourceWindow;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.report.Report;
import org.backrelief.bench.report.Section;
import org.backrelief.bench.report.Target;
import org.backrelief.bench.sections.FreshnessBench;
import org.backrelief.bench.sections.GatewayOverheadBench;
import org.backrelief.bench.sections.IngestBench;
import org.backrelief.bench.sections.PlannerBench;
import org.backrelief.infra.Pause;
import org.backrelief.infra.ServiceJvm;
import org.backrelief.infra.ServiceProcess;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.FileTrees;
import org.backrelief.infra.LocalJwtKeys;

/**
 * The benchmark: {@code Bench [--quick|--medium|--full] [--out=DIR] [--name=value...]}. Starts the real system
 * (embedded Kafka and MongoDB in child JVMs, the four services as child JVMs on free ports, fresh data), measures the
 * six figures of issue 8, prints one table and writes {@code results.json}. Targets are reported PASS/MISS; the exit
 * code is non-zero only when a section could not be measured.
 */
public final class Bench {

    public static final List<String> SECTION_IDS = List.of("1", "2", "3", "4", "5", "6");
    public static final double READY_TARGET_MS = 2000;
    public static final double RSS_TARGET_MIB = 250;
    public static final double INGEST_RATIO_TARGET = 0.7;

    /** Bench-only service settings: the gateway's rate limits stay on (their cost is measured) but never trip. */
    static final List<String> BENCH_SERVICE_PROPERTIES = List.of(
            "-Dbackrelief.rate-limit.user.capacity=1000000", "-Dbackrelief.rate-limit.user.refill-per-second=1000000",
            "-Dbackrelief.rate-limit.anonymous.capacity=1000000",
            "-Dbackrelief.rate-limit.anonymous.refill-per-second=1000000");

    private final BenchContext ctx;
    private final Report report;
    private final Map<Service, List<Stack.Ready>> readiness = new EnumMap<>(Service.class);
    private final List<IngestBench.Run> section1Runs = new ArrayList<>();

    Bench(BenchContext ctx) {
        this.ctx = ctx;
        this.report = ctx.report;
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        org.backrelief.bench.infra.Logging.toConsole(Level.WARNING);
        for (String quiet : List.of("kafka", "org.apache.kafka", "org.mongodb", "de.bwaldvogel", "io.smallrye")) {
            Logger.getLogger(quiet).setLevel(Level.WARNING);
        }
        String mode = "quick";
        Path out = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick", "--medium", "--full" -> mode = arg.substring(2);
                case "-h", "--help" -> {
                    System.out.println("Usage: support/bench/run.sh [--quick|--medium|--full] [--out=DIR] [--reps=N] [--ingest-reps=N] [--freshness-reps=N] "
                            + "[--users=N] [--history=N] [--rate=N] [--freshness-seconds=S] [--load-seconds=S] "
                            + "[--warmup-seconds=S] [--gateway-warmup-seconds=S] [--profile=true|false] [--scale=true|false] [--mongo=h2|memory|mongodb://host:port] "
                            + "[--only=ingest,freshness,gateway,planner,footprint,scale] [--service-jvm=\"-Xmx160m ...\"] [--service-java-home=<JDK 25+>]");
                    return;
                }
                default -> {
                    if (arg.startsWith("--out=")) {
                        out = Path.of(arg.substring(6));
                    } else if (arg.startsWith("--") && arg.contains("=")) {
                        overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                    } else {
                        System.err.println("error: unknown argument " + arg + " (see --help)");
                        System.exit(2);
                    }
                }
            }
        }
        int exit;
        try {
            exit = run(mode, overrides, out, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /** Runs the benchmark; returns 0 when no section failed (targets met or not), 1 otherwise. */
    public static int run(String mode, Map<String, String> overrides, Path out, PrintStream console) {
        BenchConfig config = BenchConfig.of(mode);
        config.override(overrides);
        Path root = BackReliefServices.findRepositoryRoot(Path.of(System.getProperty("backrelief.repository.root", "")));
        Path outDir = out != null ? out.toAbsolutePath() : root.resolve("support/bench/target/bench");
        Path workDir = outDir.resolve("work");
        FileTrees.deleteQuietly(workDir);
        List<String> serviceOptions = new ArrayList<>(config.serviceJvm.isEmpty() ? BackReliefServices.defaultJvmOptions()
                : List.of(config.serviceJvm.split("\\s+")));
        serviceOptions.addAll(BENCH_SERVICE_PROPERTIES);
        // marks this run's JVMs, so a test can check that none outlives it
        serviceOptions.add("-Dbackrelief.bench.out=" + outDir);
        Report report = new Report();
        BenchContext ctx = new BenchContext(config, root, outDir, workDir, LocalJwtKeys.in(workDir.resolve("jwt")),
                serviceOptions, report, console);
        describeRun(report, config, serviceOptions);
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Path json = outDir.resolve("results.json");
        // Ctrl-C: keep what was measured (child JVMs stop by themselves when this JVM is gone)
        Thread partial = new Thread(() -> {
            if (!finished.get()) {
                report.meta().put("interrupted", true);
                report.writeJson(json);
                console.println("Interrupted: partial results in " + json);
            }
        }, "bench-partial-results");
        Runtime.getRuntime().addShutdownHook(partial);
        try {
            new Bench(ctx).runAll();
        } finally {
            finished.set(true);
            report.meta().put("finishedAt", Instant.now().toString());
            report.meta().put("durationSeconds", Math.round((System.nanoTime() - started) / 1e9));
            report.meta().put("loadAverageAfter", ProcStats.loadAverage());
            report.writeJson(json);
            try {
                Files.writeString(outDir.resolve("results.md"), report.markdownTable());
            } catch (java.io.IOException e) {
                console.println("cannot write results.md: " + e.getMessage());
            }
            console.println();
            console.println("BackRelief benchmark (" + mode + ") — " + report.meta().get("machine"));
            console.print(report.table());
            console.println("Results: " + json + " (Markdown table: " + outDir.resolve("results.md") + ")");
            FileTrees.deleteQuietly(workDir.resolve("data"));
        }
        return report.sections().stream().anyMatch(s -> s.outcome() == Section.Outcome.FAILED) ? 1 : 0;
    }

    private static void describeRun(Report report, BenchConfig config, List<String> serviceOptions) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", ProcStats.cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(ProcStats.memTotalGiB() * 10) / 10.0);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.meta().put("startedAt", Instant.now().toString());
        report.meta().put("machine", machine.get("cores") + " cores " + machine.get("cpu") + ", " + machine.get("memoryGiB")
                + " GiB, " + machine.get("java"));
        report.meta().put("machineDetails", machine);
        report.meta().put("loadAverageBefore", ProcStats.loadAverage());
        report.meta().put("config", config.describe());
        report.meta().put("serviceJvmOptions", serviceOptions);
        report.meta().put("infraJvmOptions", Stack.INFRA_JVM_OPTIONS);
        report.meta().put("benchJvmOptions", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    // ---- the run ---------------------------------------------------------------------------------------------------

    private void runAll() {
        BenchConfig config = ctx.config;
        Section ingest = report.section("1", "Tracker ingest vs the physical limit");
        Section freshness = report.section("2", "End-to-end freshness (completion → history, via gateway)");
        Section gateway = report.section("3", "Gateway overhead (same requests direct vs via gateway)");
        Section planner = report.section("4", "Planner: routine preview and program creation");
        Section footprint = report.section("5", "Footprint: time to ready and resident memory");
        Section scale = report.section("6", "Scale curve: 10× users, 10× history per user");

        IngestBench.Point section1 = new IngestBench.Point("ingest", "section 1: " + config.ingestUsers + " users × "
                + config.ingestHistory, config.ingestUsers, config.ingestHistory);
        if (config.scale && config.runs("scale")) {
            timed(scale, () -> runScale(scale, new IngestBench(ctx)));
        } else {
            scale.skipped("not selected");
        }
        Stack main = null;
        try {
            if (config.runs("ingest")) {
                main = timedValue(ingest, () -> runIngest(ingest, section1));
            } else {
                ingest.skipped("not selected");
            }
            if (main == null) {
                main = ctx.newStack("main");
                readiness.computeIfAbsent(Service.TRACKING, k -> new ArrayList<>()).add(main.start(Service.TRACKING));
            }
            Stack stack = main;
            boolean servicesUp = timedValue(footprint, () -> startServices(stack, footprint)) != null;
            if (!servicesUp) {
                for (Section s : List.of(freshness, gateway, planner)) {
                    s.skipped("the stack did not start: " + footprint.error());
                }
                return;
            }
            ResourceWindow underLoad = ResourceWindow.open(main.pids());
            // freshness first: the planner section creates thousands of programs, and every planner read that is not
            // by id scans them all on the embedded store
            if (config.runs("freshness")) {
                timed(freshness, () -> new FreshnessBench(ctx).run(stack, freshness));
            } else {
                freshness.skipped("not selected");
            }
            if (config.runs("gateway")) {
                String[] historyUsers = historyUsers(config);
                timed(gateway, () -> new GatewayOverheadBench(ctx).run(stack, gateway, historyUsers));
            } else {
                gateway.skipped("not selected");
            }
            if (config.runs("planner")) {
                timed(planner, () -> new PlannerBench(ctx).run(stack, planner));
            } else {
                planner.skipped("not selected");
            }
            recordFootprintUnderLoad(footprint, underLoad.usage(), stack);
        } finally {
            if (main != null) {
                main.close();
            }
        }
        if (scale.outcome() == Section.Outcome.COMPLETED) {
            addSection1AsScalePoint(scale);
        }
    }

    private static String[] historyUsers(BenchConfig config) {
        String[] users = new String[config.ingestUsers];
        for (int i = 0; i < users.length; i++) {
            users[i] = "user-" + i;
        }
        return users;
    }

    private interface Body {
        void run() throws Exception;
    }

    private interface ValueBody<T> {
        T run() throws Exception;
    }

    private void timed(Section section, Body body) {
        timedValue(section, () -> {
            body.run();
            return Boolean.TRUE;
        });
    }

    /** Runs a section's body; a failure marks the section FAILED (with the reason) and the run goes on. */
    private <T> T timedValue(Section section, ValueBody<T> body) {
        long started = System.nanoTime();
        try {
            return body.run();
        } catch (Exception | AssertionError e) {
            section.failed(e);
            ctx.progress("section " + section.id() + " failed: " + e);
            e.printStackTrace(System.err);
            return null;
        } finally {
            section.seconds(section.seconds() + (System.nanoTime() - started) / 1e9);
        }
    }

    // ---- section 1 -------------------------------------------------------------------------------------------------

    private Stack runIngest(Section section, IngestBench.Point point) {
        IngestBench bench = new IngestBench(ctx);
        section.detail("events", point.events());
        section.detail("users", point.users());
        section.detail("historyPerUser", point.history());
        Stack kept = null;
        if (ctx.config.profile) {
            // its own, unmeasured run: attaching the profiler costs seconds of CPU on 2 cores, in the middle of ingest
            IngestBench.Run profiled = bench.run(point, 0, false, true, false);
            section.detail("profiledRun", profiled.details);
        }
        for (int rep = 1; rep <= ctx.config.ingestReps; rep++) {
            boolean last = rep == ctx.config.ingestReps;
            IngestBench.Run run = bench.run(point, rep, last, false, rep == 1);
            section1Runs.add(run);
            readiness.computeIfAbsent(Service.TRACKING, k -> new ArrayList<>()).add(run.trackerReady);
            section.metric("bareKafka", "(a) bare Kafka consumer", "events/s").add(run.bareKafka);
            section.metric("bareMongo", "(b) bare MongoDB insertMany (unordered, 500)", "events/s").add(run.bareMongo);
            section.metric("tracker", "(c) tracking-service, first stored → all stored", "events/s").add(run.trackerSteady);
            section.metric("trackerFromReady", "(c) tracking-service, ready → all stored", "events/s").add(run.trackerWall);
            section.metric("ratio", "ratio c / min(a, b)", "", Target.atLeast(INGEST_RATIO_TARGET)).add(run.ratio);
            section.metric("trackerCpu", "tracking-service CPU per event", "µs").add(run.trackerCpuMicrosPerEvent);
            section.metric("mongoCpu", "MongoDB server CPU per event", "µs").add(run.mongoCpuMicrosPerEvent);
            section.metric("trackerRss", "tracking-service peak RSS while ingesting", "MiB").add(run.trackerPeakRssMiB);
            Map<String, Object> details = new LinkedHashMap<>(run.details);
            details.put("rep", rep);
            section.detailList("runs").add(details);
            if (last) {
                kept = run.stack;
            }
        }
        return kept;
    }

    // ---- section 5 -------------------------------------------------------------------------------------------------

    /** Adds samples from {@code another} until there are {@code wanted}; a list that has as many or more is kept. */
    static <T> void topUp(List<T> samples, int wanted, Supplier<T> another) {
        while (samples.size() < wanted) {
            samples.add(another.get());
        }
    }

    /**
     * Starts catalog, planner and gateway (tracking runs already); in repeated modes restarts each, the tracker
     * included, until it has one time to ready per repetition.
     */
    private Boolean startServices(Stack stack, Section footprint) {
        // the tracker too: without section 1 its one start was the run's first JVM start on a cold page cache,
        // reported as if it were a median
        for (Service service : List.of(Service.CATALOG, Service.PLANNER, Service.GATEWAY, Service.TRACKING)) {
            topUp(readiness.computeIfAbsent(service, k -> new ArrayList<>()), ctx.config.reps, () -> {
                if (stack.isRunning(service)) {
                    stack.stop(service);
                }
                return stack.start(service);
            });
        }
        if (!stack.isRunning(Service.TRACKING)) { // section 1's trackers counted, its last one gone
            readiness.get(Service.TRACKING).add(stack.start(Service.TRACKING));
        }
        for (Service service : Service.values()) {
            for (Stack.Ready ready : readiness.getOrDefault(service, List.of())) {
                if (ready == null) {
                    continue;
                }
                footprint.metric(service.folder + ".ready", service.folder + ": JVM start → ready", "ms",
                        Target.atMost(READY_TARGET_MS)).add(ready.readyMillis());
                if (ready.quarkusStartedMillis() != null) {
                    footprint.metric(service.folder + ".startedIn", service.folder + ": Quarkus \"started in\"", "ms")
                            .add(ready.quarkusStartedMillis());
                }
            }
        }
        try {
            measureRecordedStarts(stack, footprint, ServiceJvm.recordingArchives(stack.startCacheDir()),
                    "Java " + Runtime.version().feature() + " + archive recorded by a previous run", "readyRecordedArchive", "-cds");
        } catch (RuntimeException e) {
            // an extra measurement: its failure must not cost the load sections that follow
            footprint.note("Starts with a recorded archive not measured: " + e.getMessage());
        }
        if (!ctx.config.serviceJavaHome.isEmpty()) {
            try {
                Path javaHome = Path.of(ctx.config.serviceJavaHome);
                measureRecordedStarts(stack, footprint, ServiceJvm.withAotCache(javaHome, stack.startCacheDir()),
                        "JDK " + ServiceJvm.release(javaHome) + " + AOT cache", "readyAotCache", "-aot");
            } catch (RuntimeException e) {
                footprint.note("AOT cache starts not measured: " + e.getMessage());
            }
        }
        Pause.quietly(2000); // let start-up garbage go and the JIT settle before the idle reading
        for (Map.Entry<String, Long> e : stack.pids().entrySet()) {
            footprint.metric(e.getKey() + ".rssIdle", e.getKey() + ": RSS idle", "MiB").add(ProcStats.rssMiB(e.getValue()));
        }
        footprint.note("Ready time is measured by polling /q/health/ready every 25 ms from JVM start (up to 25 ms late);"
                + " \"started in\" is Quarkus's own figure, from its log.");
        footprint.note("Kafka and MongoDB each run in their own JVM here (" + String.join(" ", Stack.INFRA_JVM_OPTIONS)
                + "); the local stack hosts both in one JVM.");
        return Boolean.TRUE;
    }

    /**
     * Each service once more beside the running stack with a start cache recorded by a run of its own: the local
     * stack's recorded class-data archives, and with {@code --service-java-home} a JDK 25's AOT cache (what the local
     * stack offers with BACKRELIEF_SERVICE_JAVA_HOME). One start records the cache (written when it stops), then
     * {@code reps} starts use it. Same options, same Kafka and MongoDB; an extra instance each time.
     */
    private void measureRecordedStarts(Stack stack, Section footprint, ServiceJvm jvm, String label, String metric,
            String suffix) {
        for (Service service : Service.values()) {
            String name = service.folder + suffix;
            stack.stopExtra(stack.startExtra(service, name, jvm)); // records the cache, written on SIGTERM
            if (!Files.isRegularFile(jvm.cacheFile(name).orElseThrow())) {
                // without it the next start would record again, and be measured as if it used a cache
                throw new IllegalStateException(name + " wrote no start cache when it stopped; see its log");
            }
            for (int rep = 1; rep <= ctx.config.reps; rep++) {
                ServiceProcess process = stack.startExtra(service, name, jvm);
                footprint.metric(service.folder + "." + metric, service.folder + ": JVM start → ready, " + label, "ms",
                        Target.atMost(READY_TARGET_MS)).add(process.millisSinceStart());
                stack.stopExtra(process);
            }
        }
        footprint.note(label + " rows: " + jvm.java() + ", each service's cache recorded by one start before the measured"
                + " ones, the same JVM options; each run beside the stack's own instance of that service.");
    }

    private void recordFootprintUnderLoad(Section footprint, Map<String, ResourceWindow.Usage> usage, Stack stack) {
        for (Map.Entry<String, ResourceWindow.Usage> e : usage.entrySet()) {
            String name = e.getKey();
            boolean service = java.util.Arrays.stream(Service.values()).anyMatch(s -> s.folder.equals(name));
            footprint.metric(name + ".rssLoad", name + ": peak RSS under load (sections 2–4)", "MiB",
                    service ? Target.atMost(RSS_TARGET_MIB) : null).add(e.getValue().peakRssMiB());
        }
        for (IngestBench.Run run : section1Runs) {
            footprint.metric(Service.TRACKING.folder + ".rssIngest", Service.TRACKING.folder + ": peak RSS while ingesting",
                    "MiB", Target.atMost(RSS_TARGET_MIB)).add(run.trackerPeakRssMiB);
        }
        footprint.detail("cpuSecondsUnderLoad", usage);
        for (Map.Entry<String, Long> e : stack.pids().entrySet()) {
            footprint.metric(e.getKey() + ".rssAfter", e.getKey() + ": RSS after the load", "MiB")
                    .add(ProcStats.rssMiB(e.getValue()));
        }
    }

    // ---- section 6 -------------------------------------------------------------------------------------------------

    private void runScale(Section section, IngestBench bench) {
        int baseUsers = ctx.config.scaleBaseUsers();
        int history = ctx.config.ingestHistory;
        List<IngestBench.Point> points = List.of(
                new IngestBench.Point("base", "1×: " + baseUsers + " users × " + history, baseUsers, history),
                new IngestBench.Point("history10", "10× history: " + baseUsers + " users × " + history * 10, baseUsers,
                        history * 10));
        section.note("The \"10× users\" point (" + ctx.config.ingestUsers + " users × " + history
                + ") is section 1's data set; its figures are added here from section 1.");
        for (IngestBench.Point point : points) {
            for (int rep = 1; rep <= ctx.config.ingestReps; rep++) {
                IngestBench.Run run = bench.run(point, rep, false, false, rep == 1);
                readiness.computeIfAbsent(Service.TRACKING, k -> new ArrayList<>()).add(run.trackerReady);
                recordScalePoint(section, point.id(), point.label(), run, rep, true);
            }
        }
    }

    private void addSection1AsScalePoint(Section scale) {
        int rep = 1;
        for (IngestBench.Run run : section1Runs) {
            recordScalePoint(scale, "users10", "10× users: " + ctx.config.ingestUsers + " users × " + ctx.config.ingestHistory,
                    run, rep++, false);
        }
        scale.note("Cost per event and per request should stay flat from 1× to 10×: compare the rows of each point.");
    }

    private static void recordScalePoint(Section section, String id, String label, IngestBench.Run run, int rep,
            boolean withDetails) {
        section.metric(id + ".ingest", label + ": tracker ingest", "events/s").add(run.trackerSteady);
        section.metric(id + ".ratio", label + ": ratio c / min(a, b)", "", Target.atLeast(INGEST_RATIO_TARGET)).add(run.ratio);
        section.metric(id + ".cpuPerEvent", label + ": tracker CPU per event", "µs").add(run.trackerCpuMicrosPerEvent);
        if (run.historyQuery != null) {
            section.metric(id + ".history.p50", label + ": history page p50", "ms").add(run.historyQuery.p50());
            section.metric(id + ".history.p99", label + ": history page p99", "ms").add(run.historyQuery.p99());
            section.metric(id + ".stats.p50", label + ": stats p50", "ms").add(run.statsQuery.p50());
            section.metric(id + ".stats.p99", label + ": stats p99", "ms").add(run.statsQuery.p99());
        }
        if (run.freshness != null) {
            section.metric(id + ".fresh.p50", label + ": Kafka → history visible p50", "ms",
                    Target.atMost(FreshnessBench.P50_TARGET_MS)).add(run.freshness.visible().p50());
            section.metric(id + ".fresh.p99", label + ": Kafka → history visible p99", "ms",
                    Target.atMost(FreshnessBench.P99_TARGET_MS)).add(run.freshness.visible().p99());
        }
        if (withDetails) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("point", id);
            details.put("rep", rep);
            details.putAll(run.details);
            section.detailList("runs").add(details);
        }
    }
}
