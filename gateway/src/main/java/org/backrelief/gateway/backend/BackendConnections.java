package org.backrelief.gateway.backend;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Vertx;

/** Opens the connection pools to the backends with the shared settings ({@code backrelief.backend.*}). */
@Singleton
public class BackendConnections {

    private final Vertx vertx;
    private final int connectTimeoutMs;
    private final long idleTimeoutMs;
    private final int poolSize;

    @Inject
    public BackendConnections(Vertx vertx,
            @ConfigProperty(name = "backrelief.backend.connect-timeout-ms", defaultValue = "1000") int connectTimeoutMs,
            @ConfigProperty(name = "backrelief.backend.idle-timeout-ms", defaultValue = "5000") long idleTimeoutMs,
            @ConfigProperty(name = "backrelief.backend.pool-size", defaultValue = "128") int poolSize) {
        this.vertx = vertx;
        this.connectTimeoutMs = connectTimeoutMs;
        this.idleTimeoutMs = idleTimeoutMs;
        this.poolSize = poolSize;
    }

    public BackendHttp open(URI base) {
        return new BackendHttp(vertx, base, connectTimeoutMs, idleTimeoutMs, poolSize);
    }
}
