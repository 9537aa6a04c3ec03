package org.backrelief.gateway.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backrelief.infra.BackReliefServices;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.FreePorts;
import org.backrelief.testing.TestInfrastructure;
import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the real catalog, tracking and planner services as child JVMs from their built {@code target/quarkus-app},
 * wired to this test JVM's Kafka, Mongo-protocol server and JWT key, and points the gateway under test at them.
 * <p>
 * Declared once (on {@code GatewayEdgeTest}); global, so every test class shares the services and one gateway.
 * A service that cannot start is reported in the log and left out: the tests of its routes then fail with 503,
 * the others still run.
 */
public class BackendServicesResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(BackendServicesResource.class);
    private static final String HOST = "127.0.0.1";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<Service> BACKENDS = List.of(Service.CATALOG, Service.TRACKING, Service.PLANNER);

    private static BackReliefServices services;
    private static final List<Service> failedToStart = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path root = BackReliefServices.findRepositoryRoot(Path.of(""));
        BackReliefServices.Wiring wiring = new BackReliefServices.Wiring(root, infrastructure.kafkaBootstrapServers(),
                infrastructure.mongoUri(), infrastructure.jwtPublicKey(), infrastructure.issuer(),
                Path.of("target", "service-logs").toAbsolutePath(), BackReliefServices.defaultJvmOptions());
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : BACKENDS) {
            ports.put(service, FreePorts.find(HOST));
        }
        services = new BackReliefServices(wiring, ports);
        for (Service service : BACKENDS) {
            startOrReport(service);
        }

        Map<String, String> config = new HashMap<>();
        config.put("backrelief.backend.catalog.url", services.url(Service.CATALOG));
        config.put("backrelief.backend.planner.url", services.url(Service.PLANNER));
        config.put("backrelief.backend.tracking.url", services.url(Service.TRACKING));
        config.put("mp.jwt.verify.publickey.location", infrastructure.jwtPublicKey().toUri().toString());
        config.put("mp.jwt.verify.issuer", infrastructure.issuer());
        config.put(org.backrelief.testing.Management.TEST_PORT_PROPERTY, Integer.toString(FreePorts.find(HOST)));
        return config;
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }

    /** The running services, for tests that stop and restart one. */
    public static BackReliefServices services() {
        return services;
    }

    /** Starts (or restarts) one service and waits until it is ready. */
    public static void startService(Service service) {
        services.start(List.of(service), READY_TIMEOUT, LOG::info);
    }

    public static List<Service> failedToStart() {
        return List.copyOf(failedToStart);
    }

    private static void startOrReport(Service service) {
        try {
            startService(service);
        } catch (RuntimeException e) {
            LOG.errorf("%s could not be started, its routes will answer 503: %s", service.folder, e.getMessage());
            services.stop(service);
            failedToStart.add(service);
        }
    }
}
