package org.backrelief.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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
        Map<Service, Integer> servicePorts,
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        int readyTimeoutSeconds) {

    static StackSettings fromEnvironment(Path repositoryRoot, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("BACKRELIEF_DATA_DIR", repositoryRoot.resolve(".data").toString()))
                .toAbsolutePath().normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String name = "BACKRELIEF_" + service.name() + "_PORT";
            ports.put(service, port(env, name, service.defaultPort));
        }
        int kafkaPort = port(env, "BACKRELIEF_KAFKA_PORT", 9092);
        return new StackSettings(repositoryRoot, dataDir, "127.0.0.1", kafkaPort,
                port(env, "BACKRELIEF_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "BACKRELIEF_MONGO_PORT", 27017), port(env, "BACKRELIEF_OIDC_PORT", 8090), ports,
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")), nonBlank(env.get("MONGODB_URI")),
                port(env, "BACKRELIEF_READY_TIMEOUT_SECONDS", 90));
    }

    Path pidFile() {
        return dataDir.resolve("stack.pid");
    }

    Path logDir() {
        return dataDir.resolve("logs");
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

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
