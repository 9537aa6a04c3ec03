package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One BackRelief service running as a child JVM from its packaged {@code target/quarkus-app}, with its output in a
 * log file. Stopping it sends SIGTERM (Quarkus shuts down gracefully) and kills it only if it does not exit in time.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How often {@link #awaitReady} asks; a time to ready it measures is at most this late. */
    static final long READY_POLL_MILLIS = 25;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final String host;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final long startedNanos;

    private ServiceProcess(String name, String host, int port, int managementPort, Path logFile, Process process,
            long startedNanos) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Quarkus's AppCDS archive in the app folder ({@code quarkus.package.jar.appcds.enabled}, set in commons). */
    public static final String APPCDS_ARCHIVE = "app-cds.jsa";

    /**
     * Starts {@code java -jar quarkus-run.jar} in {@code appDir}, with its AppCDS archive when the build made one, and
     * with {@code env} added to this process's environment.
     */
    public static ServiceProcess start(String name, Path appDir, int port, Map<String, String> env, List<String> jvmOptions,
            Path logFile) {
        return start(name, appDir, "127.0.0.1", port, FreePorts.find("127.0.0.1"), env, jvmOptions, logFile);
    }

    /**
     * As {@link #start(String, Path, int, Map, List, Path)}, listening on {@code bindAddress} with the public API on
     * {@code port} and health and metrics on the management interface's {@code managementPort}.
     */
    public static ServiceProcess start(String name, Path appDir, String bindAddress, int port, int managementPort,
            Map<String, String> env, List<String> jvmOptions, Path logFile) {
        return start(name, appDir, bindAddress, port, managementPort, env, ServiceJvm.launcher(), jvmOptions, logFile);
    }

    /** As above, on {@code jvm} (the launcher's own JVM, or a newer JDK with an AOT cache). */
    public static ServiceProcess start(String name, Path appDir, String bindAddress, int port, int managementPort,
            Map<String, String> env, ServiceJvm jvm, List<String> jvmOptions, Path logFile) {
        Path runJar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(name + " is not built: " + runJar + " is missing (run ./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.addAll(jvmOptions);
        command.addAll(jvm.startOptions(name, appDir));
        // the service stops itself when this process is gone (see ParentProcessWatch in commons)
        command.add("-Dbackrelief.launcher.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(runJar.getFileName().toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(appDir.toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_HTTP_HOST", bindAddress);
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().put("QUARKUS_MANAGEMENT_HOST", bindAddress);
            long started = System.nanoTime();
            return new ServiceProcess(name, clientHost(bindAddress), port, managementPort, logFile, builder.start(),
                    started);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Where a client on this machine reaches a service bound to {@code bindAddress}. */
    static String clientHost(String bindAddress) {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]") ? "127.0.0.1"
                : bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
    }

    /**
     * Polls {@code /q/health/ready} on the management interface until it answers 200; false if the process died or
     * the time ran out.
     */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(managementUrl() + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Pause.quietly(READY_POLL_MILLIS);
        }
        return false;
    }

    /** Milliseconds from process start until now (call right after {@link #awaitReady}). */
    public long millisSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The management interface: {@code /q/health/*} and {@code /q/metrics}. */
    public String managementUrl() {
        return "http://" + host + ":" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }
}
