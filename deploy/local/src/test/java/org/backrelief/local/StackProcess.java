package org.backrelief.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local stack as the README starts it ({@code ./run.sh up}, from the built artifacts) for the end-to-end tests:
 * its output is kept for assertions and failure messages, and {@link #start} returns once it printed READY.
 */
final class StackProcess {

    /** How long a start (Kafka, MongoDB, four services on a shared 2-core machine) may take. */
    private static final long READY_SECONDS = 240;

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private StackProcess(Process process, CompletableFuture<Boolean> ready) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the stack exited
            }
            ready.complete(false);
        }, "stack-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code ./run.sh up} with {@code env}; fails the test (and kills what started) if it is not READY in time. */
    static StackProcess start(Path root, Map<String, String> env) throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        StackProcess stack = new StackProcess(command(root, env, "up").start(), ready);
        boolean isReady = ready.get(READY_SECONDS, TimeUnit.SECONDS);
        if (!isReady) {
            stack.killTree();
        }
        assertThat(isReady).as("stack output:\n" + stack.output()).isTrue();
        return stack;
    }

    /** Another {@code ./run.sh} command against the same data folder; asserts exit code 0 and returns its output. */
    static String run(Path root, Map<String, String> env, String... args) throws Exception {
        Process process = command(root, env, args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** {@code bash run.sh args} in the repository with {@code env}, no inherited infrastructure, output merged. */
    static ProcessBuilder command(Path root, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("run.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("MONGODB_URI");
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(env);
        return builder;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    Process process() {
        return process;
    }

    /** Waits until the launcher exited and its output is read to the end. */
    boolean awaitExit(long seconds) throws InterruptedException {
        boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
        reader.join(10_000);
        return exited;
    }

    /** SIGKILL for the launcher and everything it started (clean-up after a failure). */
    void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
