package org.backrelief.gateway.backend;

/**
 * A backend answered 5xx. Raised by {@link BackendGuard} so the circuit breaker counts it and idempotent reads retry
 * it; {@link Relay} turns it into a 502/503 for the client.
 */
public class BackendServerError extends RuntimeException {

    private final int status;

    public BackendServerError(Backend backend, int status) {
        super(backend.serviceName() + " answered HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
