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
import java.util.concurrent.CountDownLatch;

import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.infra.EmbeddedMongo;
import org.backrelief.infra.FreePorts;
import org.backrelief.infra.LocalJwtKeys;

/**
 * The whole system on one machine: Kafka and MongoDB in this JVM, the four services as child JVMs.
 * <p>
 * Commands: {@code up} (default), {@code stop}, {@code status}, {@code token <user> [role...]}.
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
            java.util.logging.Logger.getLogger("de.bwaldvogel"), java.util.logging.Logger.getLogger("io.smallrye"));

    private final StackSettings settings;
    private EmbeddedMongo mongo;
    private EmbeddedKafka kafka;
    private BackReliefServices services;
    private LocalOidcProvider oidc;

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        Path root = Path.of(System.getProperty("backrelief.repository.root", "")).toAbsolutePath();
        try {
            StackSettings settings = StackSettings.fromEnvironment(BackReliefServices.findRepositoryRoot(root), System.getenv());
            String command = args.length == 0 ? "up" : args[0];
            switch (command) {
                case "up" -> new LocalStack(settings).runUntilStopped();
                case "stop" -> stop(settings);
                case "status" -> status(settings);
                case "token" -> token(settings, Arrays.copyOfRange(args, 1, args.length));
                default -> throw new StackException("Unknown command '" + command + "'. Usage: ./run.sh [up|stop|status|token <user> [role...]]", 2);
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
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() {
        long began = System.nanoTime();
        writePidFile();
        OUT.println("BackRelief local stack - data in " + settings.dataDir());
        String mongoUri = settings.externalMongo().orElseGet(() -> {
            step("starting MongoDB (embedded, H2 backend) on " + settings.host() + ":" + settings.mongoPort());
            mongo = EmbeddedMongo.persistent(settings.host(), settings.mongoPort(), settings.dataDir().resolve("mongo")).start();
            return mongo.connectionString();
        });
        settings.externalMongo().ifPresent(uri -> step("using external MongoDB from MONGODB_URI"));
        String kafkaServers = settings.externalKafka().orElseGet(() -> {
            step("starting Kafka (KRaft, single node) on " + settings.host() + ":" + settings.kafkaPort());
            kafka = EmbeddedKafka.persistent(settings.host(), settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.dataDir().resolve("kafka")).start();
            return kafka.bootstrapServers();
        });
        settings.externalKafka().ifPresent(servers -> step("using external Kafka at " + servers));
        step("starting the OIDC provider (sign-in page) on " + settings.host() + ":" + settings.oidcPort());
        oidc = LocalOidcProvider.start(settings.host(), settings.oidcPort());
        LocalJwtKeys keys = LocalJwtKeys.in(settings.jwtDir());
        services = new BackReliefServices(new BackReliefServices.Wiring(settings.repositoryRoot(), kafkaServers, mongoUri,
                keys.publicKeyFile(), LocalJwtKeys.DEFAULT_ISSUER, settings.logDir(), BackReliefServices.defaultJvmOptions()),
                settings.servicePorts()).withEnvironment(oidc.serviceEnvironment());
        services.start(List.of(Service.values()), Duration.ofSeconds(settings.readyTimeoutSeconds()), LocalStack::step);
        OUT.printf("%nAll services ready in %.1f s.%n", (System.nanoTime() - began) / 1e9);
        OUT.println("  Web app:              http://localhost:" + settings.servicePorts().get(Service.GATEWAY) + "/");
        OUT.println("  Gateway (public API): " + services.url(Service.GATEWAY) + "/api/v1");
        OUT.println("  Sign-in (OIDC):       " + oidc.issuer() + " (any user name; roles: {\"groups\":[\"user\",\"editor\"]})");
        OUT.println("  API docs:             " + services.url(Service.GATEWAY) + "/q/swagger-ui");
        OUT.println("  Logs:                 " + settings.logDir());
        OUT.println("  A token for a demo user: ./run.sh token alice");
        OUT.println("Press Ctrl-C (or run ./run.sh stop) to stop everything.");
        OUT.println("READY");
    }

    /** Stops services first (they flush to Kafka and MongoDB), then the infrastructure. */
    void shutdown() {
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

    private static void step(String message) {
        OUT.println("  - " + message);
        OUT.flush();
    }
}
