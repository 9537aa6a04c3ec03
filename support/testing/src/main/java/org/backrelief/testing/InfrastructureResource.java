package org.backrelief.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus app under test at the shared {@link TestInfrastructure}: Kafka, MongoDB and the JWT key.
 * <p>
 * Declare it once per module with {@code @QuarkusTestResource(InfrastructureResource.class)} so every test class
 * shares one app.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "quarkus.mongodb.connection-string", infrastructure.mongoUri(),
                "mp.jwt.verify.publickey.location", infrastructure.jwtPublicKey().toUri().toString(),
                "mp.jwt.verify.issuer", infrastructure.issuer());
    }

    @Override
    public void stop() {
        // shared by every app of this JVM; closed by the JVM's shutdown hook
    }
}
