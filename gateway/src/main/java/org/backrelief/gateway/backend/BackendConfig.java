package org.backrelief.gateway.backend;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code backrelief.backend.*}: where the backends are, the keep-alive pools to them, and the guard around every call.
 * The pools are large enough for the benchmark's concurrent clients without queueing inside the gateway; the idle
 * timeout is a backstop (the guard's timeouts are shorter).
 */
@ConfigMapping(prefix = "backrelief.backend")
public interface BackendConfig {

    Service catalog();

    Service planner();

    Service tracking();

    /** Connect timeout of a new connection to a backend. */
    @WithDefault("1000")
    int connectTimeoutMs();

    /**
     * A connection to a backend that stays silent this long with a call on it is closed (Netty's idle check on the
     * connection; an unused pooled one is left alone): a backstop behind the guard's timeouts while an answer is
     * awaited, and the bound on an answer's body that stops coming. Long enough for a slow client: while it drains an
     * answer, the relay pauses reading from the backend (back-pressure), and that connection is silent.
     */
    @WithDefault("30000")
    long idleTimeoutMs();

    /** Connections per backend at most, shared out among the event loops (each has a pool of its own). */
    @WithDefault("128")
    int poolSize();

    /** How long a client is told to wait after a 503 caused by an unavailable backend. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The guard around every call: timeouts, retries for reads, circuit breaker, concurrency limit. */
    GuardConfig guard();

    interface Service {
        /** The service's base URL, e.g. {@code http://catalog-service:8081}. */
        URI url();
    }

    default URI url(Backend backend) {
        return switch (backend) {
            case CATALOG -> catalog().url();
            case PLANNER -> planner().url();
            case TRACKING -> tracking().url();
        };
    }
}
