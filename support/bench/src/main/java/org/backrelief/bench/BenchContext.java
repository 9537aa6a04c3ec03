package org.backrelief.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.backrelief.bench.data.EventFactory;
import org.backrelief.bench.data.ExerciseCatalog;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.report.Report;
import org.backrelief.infra.LocalJwtKeys;

/** What every section needs: sizes, folders, keys, the report, a progress printer. */
public final class BenchContext {

    public final BenchConfig config;
    public final Path repositoryRoot;
    /** target/bench: results.json, profiles, logs. */
    public final Path outDir;
    /** Data of the stacks (deleted as each stack stops). */
    public final Path workDir;
    public final LocalJwtKeys keys;
    public final ExerciseCatalog exercises;
    public final EventFactory events;
    public final Report report;
    public final List<String> serviceJvmOptions;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    public BenchContext(BenchConfig config, Path repositoryRoot, Path outDir, Path workDir, LocalJwtKeys keys,
            List<String> serviceJvmOptions, Report report, PrintStream out) {
        this.config = config;
        this.repositoryRoot = repositoryRoot;
        this.outDir = outDir;
        this.workDir = workDir;
        this.keys = keys;
        this.serviceJvmOptions = serviceJvmOptions;
        this.report = report;
        this.out = out;
        this.exercises = ExerciseCatalog.fromRepository(repositoryRoot);
        this.events = new EventFactory(exercises, Instant.now());
    }

    public Stack newStack(String tag) {
        return Stack.startInfrastructure(tag, workDir, repositoryRoot, keys, config.mongoBackend, serviceJvmOptions,
                this::progress);
    }

    public void progress(String message) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        out.flush();
    }
}
