package org.backrelief.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Starts BackRelief services as child JVMs wired to one Kafka, one MongoDB and one JWT key: the local stack, the
 * gateway's journey tests and the benchmark all start the system through this one class.
 */
public final class BackReliefServices implements AutoCloseable {

    /** The services in launch (and reverse stop) order: those that others call come first. */
    public enum Service {
        CATALOG("catalog-service", 8081, 9001, "backrelief_catalog", List.of()),
        /*
         * A fixed young generation: with -Xms64m SerialGC gave it ~21 MiB, and every young collection copied the
         * batches in flight again (~23 µs of CPU per event). At 64 MiB, quick bench: 220-250 -> 115-140 µs, peak RSS
         * 181 -> 219 MiB; medium (one pair): 152 -> 165 µs, no gain, peak RSS 206 -> 245 MiB (BENCHMARKS.md, "Tracker
         * CPU per event", third round), and 255-268 MiB after the history/stats queries. At 48 MiB, full run of
         * 2026-12-07: 87 / 97 / 112 µs per event, peak RSS 229 MiB ingesting, 244 MiB under load ("Full size, fifth
         * attempt"). Its heap is 144 MiB, not the shared 160: with the
         * larger young generation the old one grew to the full 160 MiB during a 200,000-event ingest and the process
         * peaked at 242-251 MiB (full runs of 2026-12-06); the tracker keeps little (batches in flight, caches).
         * The initial heap is 80 MiB so that the young generation does not take all of it: with -Xms64m there was no
         * old generation at start, and a JDK 25 refused the tracker's AOT cache ("archived heap objects cannot be
         * loaded").
         * It compiles its code five times sooner (-XX:CompileThresholdScaling=0.2): each event runs the decoder and the
         * BSON writer over dozens of fields, and until C1 has compiled them the interpreter ran them at many times the
         * cost. Quick bench: 125-205 -> 80 µs per event (median of 9, 55-135); medium: 74-112 -> 71-89 µs; peak RSS
         * +3 MiB. Not for the other services: their start-up compiled more and took 0.1-0.6 s longer (BENCHMARKS.md,
         * "Tracker: facts as bytes, compiled sooner").
         */
        TRACKING("tracking-service", 8083, 9003, "backrelief_tracking",
                List.of("-Xms80m", "-Xmn48m", "-Xmx144m", "-XX:CompileThresholdScaling=0.2")),
        PLANNER("planner-service", 8082, 9002, "backrelief_planner", List.of()),
        /*
         * The full tiered JIT (C2), as every service runs in Kubernetes: the gateway is a long-running relay whose cost
         * per request is its steady speed. With C1 only it spent 0.16-0.18 ms of CPU per relayed catalog list against
         * nginx's 0.06 (wrk -c16, 5,100-5,400 req/s against nginx's 8,500-9,200: 0.59-0.63); with C2, once warm,
         * 0.086-0.091 ms and 7,400-8,000 req/s (0.83-0.86); bench, medium: 0.85 / 0.97 / 1.01 of nginx. It starts
         * 0.1-0.4 s slower and runs ~30 MiB larger (BENCHMARKS.md, "Gateway: the full JIT").
         */
        GATEWAY("gateway", 8080, 9000, null, List.of("-XX:TieredStopAtLevel=4"));

        public final String folder;
        public final int defaultPort;
        /** The local stack's management port (health, metrics) for this service. */
        public final int defaultManagementPort;
        final String database;
        /** This service's own JVM options, put after the shared ones (so they win over the shared defaults). */
        public final List<String> ownJvmOptions;

        Service(String folder, int defaultPort, int defaultManagementPort, String database, List<String> ownJvmOptions) {
            this.folder = folder;
            this.defaultPort = defaultPort;
            this.defaultManagementPort = defaultManagementPort;
            this.database = database;
            this.ownJvmOptions = ownJvmOptions;
        }

        /** The service named by its folder ({@code planner-service}) or short name ({@code planner}), any case. */
        public static java.util.Optional<Service> named(String name) {
            for (Service service : values()) {
                if (service.folder.equalsIgnoreCase(name) || service.name().equalsIgnoreCase(name)) {
                    return java.util.Optional.of(service);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Where the services listen unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Where the infrastructure is and how to start the JVMs. */
    public record Wiring(Path repositoryRoot, String kafkaBootstrapServers, String mongoUri, Path jwtPublicKey,
            String jwtIssuer, Path logDir, List<String> jvmOptions) {
    }

    private final Wiring wiring;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private String bindAddress = LOOPBACK;
    private ServiceJvm jvm = ServiceJvm.launcher();
    /** Added to (and overriding) every service's environment, e.g. an OIDC provider's JWKS and issuer. */
    private final Map<String, String> extraEnvironment = new HashMap<>();

    /** Services on {@code ports} (default: each service's default port), management interfaces on free ports. */
    public BackReliefServices(Wiring wiring, Map<Service, Integer> ports) {
        this(wiring, ports, Map.of());
    }

    /**
     * Services on {@code ports} with their management interfaces (health, metrics) on {@code managementPorts}; a
     * service missing from {@code managementPorts} gets a free port.
     */
    public BackReliefServices(Wiring wiring, Map<Service, Integer> ports, Map<Service, Integer> managementPorts) {
        this.wiring = wiring;
        for (Service service : Service.values()) {
            this.ports.put(service, ports.getOrDefault(service, service.defaultPort));
            this.managementPorts.put(service, managementPorts.containsKey(service) ? managementPorts.get(service)
                    : FreePorts.find(LOOPBACK));
        }
    }

    /**
     * The address every service listens on (public and management port); {@value #LOOPBACK} unless set, so nothing
     * is reachable from other machines. {@code 0.0.0.0} opens them to the network.
     */
    public BackReliefServices bindAddress(String address) {
        this.bindAddress = address;
        return this;
    }

    /** The JVM the services run on: the launcher's own unless set (see {@link ServiceJvm}). */
    public BackReliefServices jvm(ServiceJvm serviceJvm) {
        this.jvm = serviceJvm;
        return this;
    }

    /** Variables every service gets on top of (and overriding) the wiring's, e.g. JWT_PUBLIC_KEY_LOCATION. */
    public BackReliefServices withEnvironment(Map<String, String> variables) {
        extraEnvironment.putAll(variables);
        return this;
    }

    /** glibc malloc arenas per service process (see {@link #environment}). */
    public static final String MALLOC_ARENAS = "2";

    /**
     * Default JVM options, shared by every service: sized for a 2-core laptop; the services stay well under 250 MiB
     * resident. A service's own additions are in {@link Service#ownJvmOptions}.
     */
    public static List<String> defaultJvmOptions() {
        return List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=128m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m");
    }

    /**
     * Starts {@code services} together and waits until every one is ready: each service tolerates the others being
     * down at start (it retries or answers 503), so nothing is gained by waiting for one before launching the next,
     * and four JVMs starting at once finish sooner than one after another. Fails with the first service that did not
     * become ready (the others are left running for {@link #close}).
     */
    public void start(List<Service> services, Duration readyTimeout, Consumer<String> progress) {
        List<Service> ordered = new ArrayList<>(services);
        ordered.sort(Enum::compareTo);
        Map<Service, ServiceProcess> launched = new EnumMap<>(Service.class);
        for (Service service : ordered) {
            launched.put(service, launch(service, progress));
        }
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        launched.forEach((service, process) -> readiness.add(CompletableFuture.runAsync(
                () -> awaitReady(service, process, readyTimeout, progress), runnable -> {
                    Thread thread = new Thread(runnable, "await-" + service.folder);
                    thread.setDaemon(true);
                    thread.start();
                })));
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Starts one service (not running yet) and waits until it is ready. */
    public void startOne(Service service, Duration readyTimeout, Consumer<String> progress) {
        awaitReady(service, launch(service, progress), readyTimeout, progress);
    }

    private ServiceProcess launch(Service service, Consumer<String> progress) {
        if (running.containsKey(service)) {
            throw new IllegalStateException(service.folder + " is already running");
        }
        progress.accept("starting " + service.folder + " on " + bindAddress + ":" + ports.get(service)
                + " (management " + managementPorts.get(service) + ")");
        ServiceProcess process = ServiceProcess.start(service.folder, appDir(service), bindAddress, ports.get(service),
                managementPorts.get(service), environment(service), jvm, jvmOptions(service),
                wiring.logDir().resolve(service.folder + ".log"));
        running.put(service, process);
        return process;
    }

    /** The stack's JVM options for every service, then the service's own ({@link Service#ownJvmOptions}), which win. */
    public List<String> jvmOptions(Service service) {
        List<String> options = new ArrayList<>(wiring.jvmOptions());
        options.addAll(service.ownJvmOptions);
        return options;
    }

    private static void awaitReady(Service service, ServiceProcess process, Duration readyTimeout,
            Consumer<String> progress) {
        if (!process.awaitReady(readyTimeout)) {
            throw new IllegalStateException(service.folder + " did not become ready within " + readyTimeout.toSeconds()
                    + " s; see " + process.logFile());
        }
        progress.accept(service.folder + " ready in " + process.millisSinceStart() + " ms -> " + process.baseUrl());
    }

    /** Stops one service in an orderly way and starts it again; the others keep running. */
    public void restart(Service service, Duration readyTimeout, Consumer<String> progress) {
        progress.accept("stopping " + service.folder);
        stop(service);
        startOne(service, readyTimeout, progress);
    }

    public Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_PUBLIC_KEY_LOCATION", wiring.jwtPublicKey().toUri().toString());
        env.put("JWT_ISSUER", wiring.jwtIssuer());
        if (service.database != null) {
            env.put("MONGODB_URI", wiring.mongoUri());
            env.put("MONGODB_DATABASE", service.database);
            env.put("KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
        }
        env.put("CATALOG_URL", url(Service.CATALOG));
        env.put("PLANNER_URL", url(Service.PLANNER));
        env.put("TRACKING_URL", url(Service.TRACKING));
        // glibc gives every thread that allocates its own 64 MiB malloc arena; two keep native memory (and RSS) small
        env.put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        env.putAll(extraEnvironment);
        return env;
    }

    public String url(Service service) {
        return "http://" + ServiceProcess.clientHost(bindAddress) + ":" + ports.get(service);
    }

    /** The management interface of a service: {@code /q/health/*}, {@code /q/metrics}. */
    public String managementUrl(Service service) {
        return "http://" + ServiceProcess.clientHost(bindAddress) + ":" + managementPorts.get(service);
    }

    public int managementPort(Service service) {
        return managementPorts.get(service);
    }

    public ServiceProcess process(Service service) {
        return running.get(service);
    }

    public Map<Service, ServiceProcess> running() {
        return Map.copyOf(running);
    }

    /** How long a service may take for an orderly stop (its shutdown timeout, 10 s, plus closing) before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Stops one service (SIGTERM: an orderly stop), as an outage would. */
    public void stop(Service service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** Stops everything in reverse start order. */
    @Override
    public void close() {
        List<Service> reverse = new ArrayList<>(running.keySet());
        reverse.sort((a, b) -> b.compareTo(a));
        for (Service service : reverse) {
            stop(service);
        }
    }

    private Path appDir(Service service) {
        Path dir = wiring.repositoryRoot().resolve(service.folder).resolve("target").resolve("quarkus-app");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(service.folder + " is not built (" + dir + " missing): run ./mvnw install -DskipTests");
        }
        return dir;
    }

    /** Finds the repository root (the folder with the root pom and the service folders) from {@code start} upwards. */
    public static Path findRepositoryRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("catalog-service"))
                    && Files.isDirectory(dir.resolve("gateway"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Not inside a BackRelief checkout: " + start);
    }
}
