package org.backrelief.bench.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.FileTrees;
import org.backrelief.infra.FreePorts;
import org.backrelief.infra.LocalJwtKeys;
import org.backrelief.infra.ServiceJvm;
import org.backrelief.infra.ServiceProcess;

/**
 * One instance of the system for a measurement: Kafka and MongoDB each in a child JVM with fresh data under the
 * run's work folder, and the services started one by one through {@link BackReliefServices} on free ports.
 */
public final class Stack implements AutoCloseable {

    /**
     * One JVM per server. The embedded MongoDB server's heap grows with the data it holds: at the full size (200,000
     * events, then 7,000 signed-up users with their programs) it ran out of 2 GiB, and with 4 GiB its serial
     * collections took it so long that the planner's reads timed out (2026-12-06 full runs). 8 GiB and G1, whose
     * collections are mostly concurrent, keep it answering; the machine has 24 GiB, and it is the bench's stand-in for
     * a database server, not a service measured against a memory target.
     */
    public static final List<String> INFRA_JVM_OPTIONS = List.of("-Xms64m", "-Xmx8g", "-XX:+UseG1GC");
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final String tag;
    private final Path dataDir;
    private final Path logDir;
    private final LocalJwtKeys keys;
    private final ChildJvm kafka;
    /** Null when an external MongoDB is used ({@code --mongo=mongodb://...}). */
    private final ChildJvm mongo;
    private final String mongoUri;
    private final BackReliefServices services;
    private final Map<Service, ServiceProcess> started = new EnumMap<>(Service.class);
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Consumer<String> progress;
    /** Extra service processes beside the stack's own (e.g. a second gateway with another setting), stopped on close. */
    private final List<ServiceProcess> extras = new ArrayList<>();
    private Path repositoryRoot;

    private Stack(String tag, Path dataDir, Path logDir, LocalJwtKeys keys, ChildJvm kafka, ChildJvm mongo,
            String mongoUri, BackReliefServices services, Consumer<String> progress) {
        this.mongoUri = mongoUri;
        this.tag = tag;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.keys = keys;
        this.kafka = kafka;
        this.mongo = mongo;
        this.services = services;
        this.progress = progress;
    }

    /**
     * Starts Kafka and MongoDB with empty data for a stack named {@code tag}; services start later, one by one.
     *
     * @param serviceJvmOptions the services' JVM options (the local stack's defaults plus benchmark settings)
     */
    public static Stack startInfrastructure(String tag, Path workDir, Path repositoryRoot, LocalJwtKeys keys,
            String mongoBackend, List<String> serviceJvmOptions, Consumer<String> progress) {
        Path dataDir = workDir.resolve("data").resolve(tag);
        Path logDir = workDir.resolve("logs").resolve(tag);
        FileTrees.deleteQuietly(dataDir);
        progress.accept("[" + tag + "] starting Kafka and MongoDB (" + mongoBackend + ") in child JVMs");
        ChildJvm kafka = ChildJvm.start("kafka", INFRA_JVM_OPTIONS, List.of("kafka", dataDir.resolve("kafka").toString()),
                logDir.resolve("kafka.log"), INFRA_TIMEOUT);
        ChildJvm mongo = null;
        String mongoUri = mongoBackend;
        try {
            if (isExternal(mongoBackend)) {
                dropBenchmarkDatabases(mongoBackend);
            } else {
                mongo = ChildJvm.start("mongo", INFRA_JVM_OPTIONS,
                        List.of("mongo", dataDir.resolve("mongo").toString(), mongoBackend), logDir.resolve("mongo.log"),
                        INFRA_TIMEOUT);
                mongoUri = mongo.address();
            }
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.find("127.0.0.1"));
        }
        BackReliefServices services = new BackReliefServices(new BackReliefServices.Wiring(repositoryRoot,
                kafka.address(), mongoUri, keys.publicKeyFile(), LocalJwtKeys.DEFAULT_ISSUER, logDir,
                serviceJvmOptions), ports);
        progress.accept("[" + tag + "] Kafka " + kafka.address() + " (" + kafka.readyMillis() + " ms), MongoDB "
                + (mongo == null ? "external, databases dropped" : mongo.address() + " (" + mongo.readyMillis() + " ms)"));
        Stack stack = new Stack(tag, dataDir, logDir, keys, kafka, mongo, mongoUri, services, progress);
        stack.repositoryRoot = repositoryRoot;
        return stack;
    }

    /** Starts one service and waits until it is ready; returns its time to ready from JVM start. */
    public Ready start(Service service) {
        services.start(List.of(service), READY_TIMEOUT, message -> progress.accept("[" + tag + "] " + message));
        ServiceProcess process = services.process(service);
        long readyMillis = process.millisSinceStart();
        started.put(service, process);
        return new Ready(service, readyMillis, quarkusStartedMillis(process.logFile()));
    }

    /** Time to ready from JVM start (polled every 25 ms, so up to 25 ms late) and Quarkus's own "started in". */
    public record Ready(Service service, long readyMillis, Double quarkusStartedMillis) {
    }

    private static Double quarkusStartedMillis(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            Double last = null;
            while (matcher.find()) {
                last = Double.parseDouble(matcher.group(1)) * 1000;
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void stop(Service service) {
        services.stop(service);
        started.remove(service);
    }

    public boolean isRunning(Service service) {
        ServiceProcess process = started.get(service);
        return process != null && process.isAlive();
    }

    public String url(Service service) {
        return services.url(service);
    }

    public ServiceProcess process(Service service) {
        return started.get(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.address();
    }

    public String mongoUri() {
        return mongoUri;
    }

    public static boolean isExternal(String mongoBackend) {
        return mongoBackend.startsWith("mongodb://") || mongoBackend.startsWith("mongodb+srv://");
    }

    /** A real MongoDB keeps data between stacks: each stack starts from empty databases, as the embedded one does. */
    private static void dropBenchmarkDatabases(String uri) {
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
            for (String db : List.of("backrelief_catalog", "backrelief_planner", "backrelief_tracking", "bench_store_limit")) {
                client.getDatabase(db).drop();
            }
        }
    }

    public String tag() {
        return tag;
    }

    public Path logDir() {
        return logDir;
    }

    /** A token for {@code subject} with role user, minted once per subject. */
    public String userToken(String subject) {
        return tokens.computeIfAbsent(subject, s -> keys.mint(LocalJwtKeys.DEFAULT_ISSUER, s, Set.of("user"), Duration.ofHours(6)));
    }

    public String adminToken() {
        return tokens.computeIfAbsent("\0admin", s -> keys.mint(LocalJwtKeys.DEFAULT_ISSUER, "bench-admin",
                Set.of("user", "admin"), Duration.ofHours(6)));
    }

    /** Name → pid of every process of this stack that is running: services, Kafka, MongoDB. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Map.Entry<Service, ServiceProcess> e : started.entrySet()) {
            if (e.getValue().isAlive()) {
                pids.put(e.getKey().folder, e.getValue().pid());
            }
        }
        pids.put("kafka", kafka.pid());
        if (mongo != null) {
            pids.put("mongodb", mongo.pid());
        }
        return pids;
    }

    /** Name → pid of the given services plus MongoDB when it runs here: the processes to profile together. */
    public Map<String, Long> pidsOf(Service... services) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service service : services) {
            ServiceProcess process = started.get(service);
            if (process != null) {
                pids.put(service.folder, process.pid());
            }
        }
        if (mongo != null) {
            pids.put("mongodb", mongo.pid());
        }
        return pids;
    }

    /**
     * Starts another instance of {@code service} with the same wiring plus {@code environment} (e.g. a gateway with
     * another guard implementation, measured in the same run); it is stopped with the stack.
     */
    public ServiceProcess startExtra(Service service, String name, Map<String, String> environment) {
        return startExtra(service, name, environment, ServiceJvm.launcher());
    }

    /**
     * As {@link #startExtra(Service, String, Map)}, on another JVM ({@code jvm}: e.g. a JDK 25 with an AOT cache named
     * after {@code name}).
     */
    public ServiceProcess startExtra(Service service, String name, ServiceJvm jvm) {
        return startExtra(service, name, Map.of(), jvm);
    }

    /** Every extra instance gets the JVM options {@link BackReliefServices} starts the stack's own instance with. */
    private ServiceProcess startExtra(Service service, String name, Map<String, String> environment, ServiceJvm jvm) {
        Map<String, String> env = new java.util.HashMap<>(services.environment(service));
        env.putAll(environment);
        int port = FreePorts.find("127.0.0.1");
        progress.accept("[" + tag + "] starting " + name + " on " + port + (environment.isEmpty() ? "" : " (" + environment + ")"));
        ServiceProcess process = ServiceProcess.start(name, repositoryRoot.resolve(service.folder).resolve("target")
                .resolve("quarkus-app"), "127.0.0.1", port, FreePorts.find("127.0.0.1"), env, jvm,
                services.jvmOptions(service), logDir.resolve(name + ".log"));
        extras.add(process);
        if (!process.awaitReady(READY_TIMEOUT)) {
            throw new IllegalStateException(name + " did not become ready within " + READY_TIMEOUT.toSeconds()
                    + " s; see " + process.logFile());
        }
        progress.accept("[" + tag + "] " + name + " ready in " + process.millisSinceStart() + " ms -> " + process.baseUrl());
        return process;
    }

    /** Stops an extra instance now (SIGTERM, as a deployment stops it: a JVM recording a start cache writes it then). */
    public void stopExtra(ServiceProcess process) {
        process.close();
        extras.remove(process);
    }

    /** Where extra instances keep their per-service start caches (recorded archives, AOT caches; deleted with it). */
    public Path startCacheDir() {
        return dataDir.resolve("start-caches");
    }

    @Override
    public void close() {
        extras.forEach(ServiceProcess::close);
        extras.clear();
        List<Service> running = new ArrayList<>(started.keySet());
        services.close();
        running.forEach(started::remove);
        kafka.close();
        if (mongo != null) {
            mongo.close();
        }
        FileTrees.deleteQuietly(dataDir);
    }
}
