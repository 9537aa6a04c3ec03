package org.backrelief.gateway.backend;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Vertx;

/**
 * Opens the connection pools to the backends with the shared settings ({@code backrelief.backend.*}). Each event loop
 * has a pool of its own ({@link BackendHttp}); {@code pool-size}, the limit per backend, is shared out among them.
 */
@Singleton
public class BackendConnections {

    private final Vertx vertx;
    private final BackendConfig config;
    private final int eventLoops;

    @Inject
    public BackendConnections(Vertx vertx, BackendConfig config,
            @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size") Optional<Integer> eventLoops) {
        this.vertx = vertx;
        this.config = config;
        // Quarkus' own default: two event loops per core
        this.eventLoops = eventLoops.orElse(2 * Runtime.getRuntime().availableProcessors());
    }

    /** The pools to one backend. */
    public BackendHttp open(Backend backend) {
        return new BackendHttp(vertx, config.url(backend), config.connectTimeoutMs(), config.idleTimeoutMs(),
                perEventLoop(config.poolSize(), eventLoops));
    }

    /** A share of the backend's connection limit for each event loop, at least one. */
    static int perEventLoop(int poolSize, int eventLoops) {
        if (eventLoops <= 1) {
            return Math.max(1, poolSize);
        }
        return Math.max(1, (poolSize + eventLoops - 1) / eventLoops);
    }
}
