package org.backrelief.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.infra.EmbeddedMongo;
import org.backrelief.infra.LocalJwtKeys;

/**
 * The infrastructure of one test JVM: one real Kafka broker, one Mongo-protocol server and one JWT key pair,
 * started on first use and shared by every test and every Quarkus app of that JVM.
 * <p>
 * When {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} is set, the tests use that real infrastructure instead.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final LocalJwtKeys keys;

    private TestInfrastructure() {
        Path root = tempDir();
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String externalMongo = System.getenv("MONGODB_URI");
        kafka = blank(externalKafka) ? EmbeddedKafka.persistent("127.0.0.1", 0, 0, root.resolve("kafka")).start() : null;
        mongo = blank(externalMongo) ? EmbeddedMongo.persistent("127.0.0.1", 0, root.resolve("mongo")).start() : null;
        kafkaBootstrapServers = kafka != null ? kafka.bootstrapServers() : externalKafka;
        mongoUri = mongo != null ? mongo.connectionString() : externalMongo;
        keys = LocalJwtKeys.in(root.resolve("jwt"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-infrastructure-shutdown"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The embedded broker, for tests that stop and restart it; empty when tests run against external Kafka. */
    public Optional<EmbeddedKafka> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    /** The embedded Mongo server, for tests that stop and restart it; empty when tests run against external MongoDB. */
    public Optional<EmbeddedMongo> embeddedMongo() {
        return Optional.ofNullable(mongo);
    }

    public Path jwtPublicKey() {
        return keys.publicKeyFile();
    }

    public String issuer() {
        return LocalJwtKeys.DEFAULT_ISSUER;
    }

    /** A bearer token for {@code subject} with {@code roles}, signed with this run's key. */
    public String token(String subject, String... roles) {
        return keys.mint(issuer(), subject, Set.of(roles), Duration.ofHours(1));
    }

    private void shutdown() {
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("backrelief-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
