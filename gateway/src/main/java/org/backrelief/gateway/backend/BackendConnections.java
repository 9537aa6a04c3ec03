package org.backrelief.gateway.backend;


import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.Vertx;

/** Opens the connection pools to the backends with the shared settings ({@code backrelief.backend.*}). */
@Singleton
public class BackendConnections {

    private final Vertx vertx;
    private final BackendConfig config;

    @Inject
    public BackendConnections(Vertx vertx, BackendConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** The pool to one backend. */
    public BackendHttp open(Backend backend) {
        return new BackendHttp(vertx, config.url(backend), config.connectTimeoutMs(), config.idleTimeoutMs(),
                config.poolSize());
    }
}
