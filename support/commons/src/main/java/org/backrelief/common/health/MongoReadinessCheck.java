package org.backrelief.common.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Ready while the service's MongoDB client sees a server it can use, as its own monitor last found it (a heartbeat
 * every few seconds, sooner after a failed operation): no I/O on the probe, and no second client.
 * <p>
 * It replaces Quarkus' MongoDB check ({@code quarkus.mongodb.health.enabled=false}), which pings through a reactive
 * client it creates on the first probe: loading and connecting that client cost the planner 0.4–0.9 s of its time to
 * ready (BENCHMARKS.md, "Time to ready: readiness without a second MongoDB client"). A service turns this one on with
 * {@code backrelief.health.mongodb=client-monitor}; the name stays Quarkus', so probes and dashboards see no change.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "backrelief.health.mongodb", stringValue = "client-monitor")
public class MongoReadinessCheck implements HealthCheck {

    public static final String NAME = "MongoDB connection health check";

    private final MongoClient client;

    public MongoReadinessCheck(MongoClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        ClusterDescription cluster = client.getClusterDescription();
        // writable: a standalone server, a replica set's primary or a mongos the monitor reached on its last check
        return HealthCheckResponse.named(NAME).status(cluster.hasWritableServer())
                .withData("cluster", cluster.getShortDescription()).build();
    }
}
