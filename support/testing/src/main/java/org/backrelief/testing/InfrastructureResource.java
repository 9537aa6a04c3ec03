package org.backrelief.testing;

import java.util.Map;

import org.backrelief.infra.FreePorts;

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
                "mp.jwt.verify.issuer", infrastructure.issuer(),
                // health and metrics live on the management interface: a free port, so parallel runs never clash
                Management.TEST_PORT_PROPERTY, Integer.toString(FreePorts.find("127.0.0.1")));
    }

    @Override
    public void stop() {
        // shared by every app of this JVM; closed by the JVM's shutdown hook
    }
}
