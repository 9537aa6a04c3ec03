package org.backrelief.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.infra.EmbeddedMongo;
import org.backrelief.infra.FreePorts;
import org.backrelief.infra.LocalJwtKeys;
import org.backrelief.infra.ServiceJvm;

/**
 * The whole system on one machine: Kafka and MongoDB in this JVM, the four services as child JVMs.
 * <p>
 * Commands: {@code up} (default), {@code stop [service|kafka]}, {@code start <service|kafka>},
 * {@code restart <service|kafka>}, {@code status}, {@code token <user> [role...]}, {@code help}. Stopping, starting or
 * restarting one service (or the embedded broker) is a request the running launcher picks up from the data folder's
 * {@code control/} directory: the rest of the stack keeps running.
 */
public final class LocalStack {

    static {
        // before anything touches java.util.logging (the fields below, the HTTP client of `token`)
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }

    private static final PrintStream OUT = System.out;
    /** Kafka and the Mongo server are chatty at INFO; the stack's own progress lines are what a person reads. */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("kafka"), java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("de.bwaldvogel"), java.util.logging.Logger.getLogger("io.smallrye"),
            java.util.logging.Logger.getLogger("state.change.logger"));

    static final String USAGE = String.join("\n",
            "Usage: ./run.sh [command]",
            "",
            "Commands:",
            "  up                     start Kafka, MongoDB and the four services; wait until stopped (the default)",
            "  stop                   stop the running stack (orderly: requests in flight finish, offsets are committed)",
            "  stop <service>         stop one service of the running stack; the rest keeps running",
            "  restart <service>      stop one service of the running stack and start it again",
            "  start <service>        start a service stopped with stop <service>",
            "  stop kafka, start kafka  stop the broker alone (the services stay up), and start it again on the same data",
            "  status                 say whether a stack is running, and which services",
            "  token <user> [role...] print a token for a demo user (roles: user, editor, admin; default user)",
            "  help, --help, -h       print this help",
            "",
            "Services: gateway, catalog, planner, tracking (or catalog-service, planner-service, tracking-service);",
            "restart, stop and start also take kafka.",
            "",
            "Settings (environment variables): BACKRELIEF_BIND_ADDRESS (default 127.0.0.1: this machine only;",
            "0.0.0.0 opens the services to the network), BACKRELIEF_<SERVICE>_PORT, BACKRELIEF_<SERVICE>_MANAGEMENT_PORT",
            "(health and metrics), BACKRELIEF_DATA_DIR, BACKRELIEF_KAFKA_PORT, BACKRELIEF_MONGO_PORT,",
            "BACKRELIEF_SERVICE_JAVA_HOME (a JDK 25+ for the services, with AOT caches: faster starts),",
            "BACKRELIEF_CDS=off (no class-data archives recorded by the previous run); see README.md.");

    private final StackSettings settings;
    /** Set by the start threads; read by the shutdown hook and the control thread. */
    private volatile EmbeddedMongo mongo;
    private volatile EmbeddedKafka kafka;
    private BackReliefServices services;
    private LocalOidcProvider oidc;

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        BenignKafkaStartupError.install();
        Path root = Path.of(System.getProperty("backrelief.repository.root", "")).toAbsolutePath();
        try {
            StackSettings settings = StackSettings.fromEnvironment(BackReliefServices.findRepositoryRoot(root), System.getenv());
            String command = args.length == 0 ? "up" : args[0];
            switch (command) {
                case "up" -> new LocalStack(settings).runUntilStopped();
                case "stop" -> {
                    if (args.length > 1) {
                        control(settings, "stop", args[1]);
                    } else {
                        stop(settings);
                    }
                }
                case "restart", "start" -> {
                    if (args.length < 2) {
                        throw new StackException("Usage: ./run.sh " + command
                                + " <service>   (gateway, catalog, planner, tracking, kafka)", 2);
                    }
                    control(settings, command, args[1]);
                }
                case "status" -> status(settings);
                case "token" -> token(settings, Arrays.copyOfRange(args, 1, args.length));
                case "help", "--help", "-h" -> OUT.println(USAGE);
                default -> throw new StackException("Unknown command '" + command + "'.\n" + USAGE, 2);
            }
        } catch (StackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(e.exitCode);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    void runUntilStopped() {
        refuseIfAlreadyRunning();
        checkPortsAreFree();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            start();
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        Thread control = new Thread(() -> serveControlRequests(stopped), "local-stack-control");
        control.setDaemon(true);
        control.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The launcher's JVM with a class-data archive per service recorded by its previous run (unless BACKRELIEF_CDS=off:
     * then the build's), or the JDK 25+ named by BACKRELIEF_SERVICE_JAVA_HOME with an AOT cache per service (the first
     * start records it; see BENCHMARKS.md "Local stack start-up" for what each saves).
     */
    private ServiceJvm serviceJvm() {
        return settings.serviceJavaHome().map(home -> {
            try {
                ServiceJvm jvm = ServiceJvm.withAotCache(home, settings.aotCacheDir());
                step("services run on " + home + " with AOT caches in " + settings.aotCacheDir()
                        + " (a service without one records it and writes it when it stops)");
                return jvm;
            } catch (IllegalArgumentException e) {
                throw new StackException("BACKRELIEF_SERVICE_JAVA_HOME: " + e.getMessage(), 2);
            }
        }).orElseGet(() -> settings.recordedArchives() ? ServiceJvm.recordingArchives(settings.archiveDir())
                : ServiceJvm.launcher());
    }

    void start() {
        long began = System.nanoTime();
        writePidFile();
        OUT.println("BackRelief local stack - data in " + settings.dataDir());
        ServiceJvm jvm = serviceJvm(); // a wrong BACKRELIEF_SERVICE_JAVA_HOME fails before anything starts
        // MongoDB (reopening its store) and Kafka (recovering its log) are independent: start them together
        CompletableFuture<String> mongoStarted = settings.externalMongo().map(uri -> {
            step("using external MongoDB from MONGODB_URI");
            return CompletableFuture.completedFuture(uri);
        }).orElseGet(() -> inBackground("mongo", () -> {
            step("starting MongoDB (embedded, H2 backend) on " + settings.host() + ":" + settings.mongoPort());
            long t = System.nanoTime();
            mongo = EmbeddedMongo.persistent(settings.host(), settings.mongoPort(), settings.dataDir().resolve("mongo")).start();
            step("MongoDB ready in " + millisSince(t) + " ms");
            return mongo.connectionString();
        }));
        // The broker's port is fixed before it starts, so the services can be launched while it is still starting
        int kafkaPort = settings.kafkaPort() == 0 ? FreePorts.find(settings.host()) : settings.kafkaPort();
        String kafkaServers = settings.externalKafka().orElse(settings.host() + ":" + kafkaPort);
        CompletableFuture<String> kafkaStarted = settings.externalKafka().map(servers -> {
            step("using external Kafka at " + servers);
            return CompletableFuture.completedFuture(servers);
        }).orElseGet(() -> inBackground("kafka", () -> {
            step("starting Kafka (KRaft, single node) on " + kafkaServers);
            long t = System.nanoTime();
            kafka = EmbeddedKafka.persistent(settings.host(), kafkaPort, settings.kafkaControllerPort(),
                    settings.dataDir().resolve("kafka")).start();
            step("Kafka ready in " + millisSince(t) + " ms");
            return kafka.bootstrapServers();
        }));
        step("starting the OIDC provider (sign-in page) on " + settings.host() + ":" + settings.oidcPort());
        long oidcStarted = System.nanoTime();
        oidc = LocalOidcProvider.start(settings.host(), settings.oidcPort(), settings.tokenLifetime());
        step("OIDC provider ready in " + millisSince(oidcStarted) + " ms");
        String mongoUri = join(mongoStarted);
        LocalJwtKeys keys = LocalJwtKeys.in(settings.jwtDir());
        services = new BackReliefServices(new BackReliefServices.Wiring(settings.repositoryRoot(), kafkaServers, mongoUri,
                keys.publicKeyFile(), LocalJwtKeys.DEFAULT_ISSUER, settings.logDir(), BackReliefServices.defaultJvmOptions()),
                settings.servicePorts(), settings.managementPorts()).bindAddress(settings.bindAddress())
                .withEnvironment(oidc.serviceEnvironment()).jvm(jvm);
        if (!settings.bindAddress().equals(BackReliefServices.LOOPBACK)) {
            step("services listen on " + settings.bindAddress() + " (BACKRELIEF_BIND_ADDRESS): reachable from the network");
        }
        /*
         * The services are launched as soon as MongoDB is up, while Kafka may still be starting: their clients retry
         * until the broker answers and their readiness waits for it. A restart over existing data spends most of
         * Kafka's start waiting for the controller to fence the broker's last session (≈ 3 s of ≈ 5 s), time the
         * services' own start now fills (BENCHMARKS.md "Local stack start-up").
         */
        step("MongoDB up after " + millisSince(began) + " ms; starting the four services together"
                + (kafkaStarted.isDone() ? "" : " (Kafka still starting)"));
        CompletableFuture<Void> servicesReady = inBackground("services", () -> {
            services.start(List.of(Service.values()), Duration.ofSeconds(settings.readyTimeoutSeconds()), LocalStack::step);
            return null;
        });
        join(kafkaStarted); // a broker that cannot start stops the stack at once, not after the services' timeout
        join(servicesReady);
        OUT.printf("%nAll services ready in %.1f s.%n", (System.nanoTime() - began) / 1e9);
        OUT.println("  Web app:              http://localhost:" + settings.servicePorts().get(Service.GATEWAY) + "/");
        OUT.println("  Gateway (public API): " + services.url(Service.GATEWAY) + "/api/v1");
        OUT.println("  Sign-in (OIDC):       " + oidc.issuer() + " (any user name; roles: {\"groups\":[\"user\",\"editor\"]})");
        OUT.println("  API docs:             " + services.url(Service.GATEWAY) + "/q/swagger-ui");
        OUT.println("  Health and metrics:   " + services.managementUrl(Service.GATEWAY) + "/q/health (gateway; "
                + "catalog " + services.managementPort(Service.CATALOG) + ", planner "
                + services.managementPort(Service.PLANNER) + ", tracking " + services.managementPort(Service.TRACKING) + ")");
        OUT.println("  Logs:                 " + settings.logDir());
        OUT.println("  A token for a demo user: ./run.sh token alice");
        OUT.println("Press Ctrl-C (or run ./run.sh stop) to stop everything.");
        OUT.println("READY");
    }

    /**
     * Serves {@code ./run.sh restart|stop <service>}: a request is a file {@code <id>.request} in the control folder
     * holding "restart planner"; the answer is {@code <id>.done}, its first line "ok" or "error", then the messages.
     */
    private void serveControlRequests(CountDownLatch stopped) {
        Path dir = settings.controlDir();
        while (stopped.getCount() > 0) {
            try (var requests = Files.newDirectoryStream(dir, "*.request")) {
                for (Path request : requests) {
                    handleControlRequest(request);
                }
            } catch (IOException e) {
                // no folder yet, or a request vanished: look again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void handleControlRequest(Path request) throws IOException {
        String id = request.getFileName().toString().replace(".request", "");
        String[] words = Files.readString(request).trim().split("\\s+");
        Files.deleteIfExists(request);
        List<String> lines = new ArrayList<>();
        boolean ok;
        try {
            String target = words.length > 1 ? words[1] : "";
            if (ControlTarget.isKafka(target)) {
                controlKafka(words[0], lines);
            } else {
                controlService(words[0], ControlTarget.service(target), lines);
            }
            ok = true;
        } catch (RuntimeException e) {
            lines.add(e.getMessage());
            ok = false;
        }
        Path done = settings.controlDir().resolve(id + ".done");
        Path partial = settings.controlDir().resolve(id + ".tmp");
        Files.writeString(partial, (ok ? "ok" : "error") + "\n" + String.join("\n", lines) + "\n");
        Files.move(partial, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void controlService(String verb, Service service, List<String> lines) {
        Duration timeout = Duration.ofSeconds(settings.readyTimeoutSeconds());
        Consumer<String> progress = line -> {
            step(line);
            lines.add(line);
        };
        switch (verb) {
            case "restart" -> services.restart(service, timeout, progress);
            case "start" -> {
                if (services.process(service) != null) {
                    throw new IllegalStateException(service.folder + " is already running");
                }
                services.startOne(service, timeout, progress);
            }
            case "stop" -> {
                if (services.process(service) == null) {
                    throw new IllegalStateException(service.folder + " is not running");
                }
                step("stopping " + service.folder + " (./run.sh start " + service.name().toLowerCase()
                        + " starts it again)");
                services.stop(service);
                lines.add(service.folder + " stopped; the rest of the stack keeps running");
            }
            default -> throw new IllegalStateException("Unknown request '" + verb + "'");
        }
    }

    /** The embedded broker alone: an outage the services must ride out (only when the stack hosts Kafka). */
    private void controlKafka(String verb, List<String> lines) {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is external (KAFKA_BOOTSTRAP_SERVERS): the stack cannot stop or start it");
        }
        if (!List.of("stop", "start", "restart").contains(verb)) {
            throw new IllegalStateException("Unknown request '" + verb + "'");
        }
        if (verb.equals("stop") || verb.equals("restart")) {
            if (!kafka.isRunning() && verb.equals("stop")) {
                throw new IllegalStateException("Kafka is not running");
            }
            step("stopping Kafka (./run.sh start kafka starts it again)");
            kafka.stop();
            lines.add("Kafka stopped; the services keep running and catch up when it is back");
        }
        if (verb.equals("start") || verb.equals("restart")) {
            if (kafka.isRunning()) {
                throw new IllegalStateException("Kafka is already running");
            }
            long t = System.nanoTime();
            kafka.start();
            String line = "Kafka ready in " + millisSince(t) + " ms on " + kafka.bootstrapServers();
            step(line);
            lines.add(line);
        }
    }

    /** Asks the running stack's launcher to restart, start or stop one service or Kafka, and waits for its answer. */
    static void control(StackSettings settings, String verb, String targetName) {
        String target;
        String shown;
        if (ControlTarget.isKafka(targetName)) {
            target = "kafka";
            shown = "Kafka";
        } else {
            Service service;
            try {
                service = ControlTarget.service(targetName);
            } catch (IllegalStateException e) {
                throw new StackException(e.getMessage(), 2);
            }
            target = service.name().toLowerCase();
            shown = service.folder;
        }
        if (runningStackPid(settings).isEmpty()) {
            throw new StackException("No stack is running with data in " + settings.dataDir() + "; start it with ./run.sh", 3);
        }
        String id = java.util.UUID.randomUUID().toString();
        try {
            Files.createDirectories(settings.controlDir());
            Path partial = settings.controlDir().resolve(id + ".tmp");
            Files.writeString(partial, verb + " " + target);
            Files.move(partial, settings.controlDir().resolve(id + ".request"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            OUT.println(switch (verb) {
                case "restart" -> "Restarting ";
                case "start" -> "Starting ";
                default -> "Stopping ";
            } + shown + "...");
            Path done = settings.controlDir().resolve(id + ".done");
            long deadline = System.nanoTime() + Duration.ofSeconds(settings.readyTimeoutSeconds() + 60L).toNanos();
            while (!Files.exists(done)) {
                if (System.nanoTime() > deadline || runningStackPid(settings).isEmpty()) {
                    throw new StackException("The stack did not answer the " + verb + " request", 1);
                }
                Thread.sleep(200);
            }
            List<String> answer = Files.readAllLines(done);
            Files.deleteIfExists(done);
            answer.stream().skip(1).forEach(OUT::println);
            if (answer.isEmpty() || !answer.get(0).equals("ok")) {
                throw new StackException(verb + " " + shown + " failed", 1);
            }
        } catch (IOException e) {
            throw new StackException("Cannot reach the stack through " + settings.controlDir() + ": " + e.getMessage(), 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", 1);
        }
    }

    /** Stops services first (they flush to Kafka and MongoDB), then the infrastructure. */
    synchronized void shutdown() {
        step("stopping");
        if (services != null) {
            services.close();
        }
        if (oidc != null) {
            oidc.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException ignored) {
            // a stale pid file is detected by the next start
        }
        step("stopped");
    }

    private void refuseIfAlreadyRunning() {
        runningStackPid(settings).ifPresent(pid -> {
            throw new StackException("A stack is already running (pid " + pid + ") with data in " + settings.dataDir()
                    + ". Stop it with ./run.sh stop", 3);
        });
    }

    private void checkPortsAreFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (settings.externalMongo().isEmpty()) {
            wanted.put("MongoDB (BACKRELIEF_MONGO_PORT)", settings.mongoPort());
        }
        if (settings.externalKafka().isEmpty()) {
            wanted.put("Kafka (BACKRELIEF_KAFKA_PORT)", settings.kafkaPort());
            wanted.put("Kafka controller (BACKRELIEF_KAFKA_CONTROLLER_PORT)", settings.kafkaControllerPort());
        }
        for (Service service : Service.values()) {
            wanted.put(service.folder + " (BACKRELIEF_" + service.name() + "_PORT)", settings.servicePorts().get(service));
            wanted.put(service.folder + " management (BACKRELIEF_" + service.name() + "_MANAGEMENT_PORT)",
                    settings.managementPorts().get(service));
        }
        wanted.put("OIDC provider (BACKRELIEF_OIDC_PORT)", settings.oidcPort());
        List<String> taken = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        wanted.forEach((what, port) -> {
            if (!seen.add(port)) {
                taken.add("port " + port + " is configured twice (" + what + ")");
            } else if (!FreePorts.isFree(settings.host(), port)) {
                taken.add("port " + port + " for " + what + " is already in use");
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException(String.join("; ", taken) + ". Free it or choose another port with the variable named.", 3);
        }
    }

    private void writePidFile() {
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(settings.pidFile(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StackException("Cannot write to the data folder " + settings.dataDir() + ": " + e.getMessage(), 2);
        }
    }

    static Optional<Long> runningStackPid(StackSettings settings) {
        try {
            if (!Files.exists(settings.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(settings.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void stop(StackSettings settings) {
        Optional<ProcessHandle> stack = runningStackPid(settings).flatMap(ProcessHandle::of);
        if (stack.isEmpty()) {
            OUT.println("No stack is running with data in " + settings.dataDir());
            return;
        }
        ProcessHandle handle = stack.get();
        OUT.println("Stopping the stack (pid " + handle.pid() + ")...");
        handle.destroy();
        try {
            handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            OUT.println("Stopped.");
        } catch (Exception e) {
            throw new StackException("The stack (pid " + handle.pid() + ") did not stop within 60 s", 1);
        }
    }

    static void status(StackSettings settings) {
        Optional<Long> pid = runningStackPid(settings);
        OUT.println(pid.map(p -> "running (pid " + p + "), data in " + settings.dataDir())
                .orElse("not running (data in " + settings.dataDir() + ")"));
    }

    static void token(StackSettings settings, String[] args) {
        if (args.length == 0) {
            throw new StackException("Usage: ./run.sh token <user> [role...]   (roles: user, editor, admin; default user)", 2);
        }
        Set<String> roles = args.length > 1 ? new LinkedHashSet<>(Arrays.asList(args).subList(1, args.length)) : Set.of("user");
        Set<String> allowed = Set.of("user", "editor", "admin");
        for (String role : roles) {
            if (!allowed.contains(role)) {
                throw new StackException("Unknown role '" + role + "'; use user, editor or admin", 2);
            }
        }
        OUT.println(LocalOidcProvider.mint(settings.oidcPort(), args[0], roles));
    }

    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, "start-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void step(String message) {
        OUT.println("  - " + message);
        OUT.flush();
    }
}
