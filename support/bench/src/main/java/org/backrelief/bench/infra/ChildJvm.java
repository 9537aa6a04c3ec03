package org.backrelief.bench.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM started from this JVM's class path running {@link InfraMain}: its output goes to a log file, its
 * {@code READY <address>} line tells where it serves.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final String address;
    private final long readyMillis;

    private ChildJvm(String name, Process process, String address, long readyMillis) {
        this.name = name;
        this.process = process;
        this.address = address;
        this.readyMillis = readyMillis;
    }

    public static ChildJvm start(String name, List<String> jvmOptions, List<String> args, Path logFile, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InfraMain.class.getName());
        command.addAll(args);
        long started = System.nanoTime();
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, logFile, ready), name + "-output");
            pump.setDaemon(true);
            pump.start();
            String address;
            try {
                address = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start within " + timeout.toSeconds() + " s; see " + logFile);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " failed to start; see " + logFile, e);
            }
            return new ChildJvm(name, process, address, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static void pump(Process process, Path logFile, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                if (!ready.isDone() && line.startsWith(InfraMain.READY)) {
                    ready.complete(line.substring(InfraMain.READY.length()).trim());
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.completeExceptionally(new IllegalStateException("exited with " + exitCode(process)));
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    public long readyMillis() {
        return readyMillis;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
