package org.backrelief.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.BackReliefServices.Service;

/**
 * The local stack's settings, each from an environment variable with a default; the README's configuration table
 * lists the same names.
 */
record StackSettings(
        Path repositoryRoot,
        Path dataDir,
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int oidcPort,
        Duration tokenLifetime,
        Map<Service, Integer> servicePorts,
        Map<Service, Integer> managementPorts,
        String bindAddress,
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        int readyTimeoutSeconds,
        Optional<Path> serviceJavaHome,
        boolean recordedArchives) {

    static StackSettings fromEnvironment(Path repositoryRoot, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("BACKRELIEF_DATA_DIR", repositoryRoot.resolve(".data").toString()))
                .toAbsolutePath().normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, port(env, "BACKRELIEF_" + service.name() + "_PORT", service.defaultPort));
            managementPorts.put(service, port(env, "BACKRELIEF_" + service.name() + "_MANAGEMENT_PORT",
                    service.defaultManagementPort));
        }
        String bind = nonBlank(env.get("BACKRELIEF_BIND_ADDRESS")).orElse(BackReliefServices.LOOPBACK);
        int kafkaPort = port(env, "BACKRELIEF_KAFKA_PORT", 9092);
        return new StackSettings(repositoryRoot, dataDir, "127.0.0.1", kafkaPort,
                port(env, "BACKRELIEF_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "BACKRELIEF_MONGO_PORT", 27017), port(env, "BACKRELIEF_OIDC_PORT", 8090),
                tokenLifetime(env.get("BACKRELIEF_OIDC_TOKEN_SECONDS")), ports,
                managementPorts, bind,
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")), nonBlank(env.get("MONGODB_URI")),
                port(env, "BACKRELIEF_READY_TIMEOUT_SECONDS", 90),
                nonBlank(env.get("BACKRELIEF_SERVICE_JAVA_HOME")).map(Path::of),
                !"off".equalsIgnoreCase(env.getOrDefault("BACKRELIEF_CDS", "on").trim()));
    }

    Path pidFile() {
        return dataDir.resolve("stack.pid");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where {@code ./run.sh restart|stop <service>} leaves its requests for the running launcher. */
    Path controlDir() {
        return dataDir.resolve("control");
    }

    /** The services' AOT caches when they run on a JDK 25+ ({@code BACKRELIEF_SERVICE_JAVA_HOME}). */
    Path aotCacheDir() {
        return dataDir.resolve("aot");
    }

    /** The services' class-data archives, each recorded by its previous run (unless {@code BACKRELIEF_CDS=off}). */
    Path archiveDir() {
        return dataDir.resolve("cds");
    }

    Path jwtDir() {
        return dataDir.resolve("jwt");
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a number from 0 to 65535, not '" + value + "'", 2);
        }
    }

    /** How long the local OIDC provider's tokens live; short in the web client's e2e run to see renewals happen. */
    static Duration tokenLifetime(String value) {
        if (value == null || value.isBlank()) {
            return LocalOidcProvider.DEFAULT_TOKEN_LIFETIME;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 60 || seconds > Duration.ofDays(1).toSeconds()) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new StackException("BACKRELIEF_OIDC_TOKEN_SECONDS must be a number of seconds from 60 to 86400, not '"
                    + value + "'", 2);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
