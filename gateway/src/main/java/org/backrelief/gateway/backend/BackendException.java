package org.backrelief.gateway.backend;

/**
 * A backend could not answer usefully: it is unreachable, too slow, shedding load, or it failed (5xx). Rendered as
 * 503 (unavailable, with Retry-After) or 502 (bad gateway) naming the backend, never with its internal details.
 */
public class BackendException extends RuntimeException {

    private final Backend backend;
    private final int status;

    private BackendException(Backend backend, int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.backend = backend;
        this.status = status;
    }

    public static BackendException unavailable(Backend backend, Throwable cause) {
        return new BackendException(backend, 503,
                backend.serviceName() + " is unavailable; try again shortly", cause);
    }

    public static BackendException badGateway(Backend backend, int backendStatus) {
        return new BackendException(backend, 502,
                backend.serviceName() + " failed to answer (HTTP " + backendStatus + ")", null);
    }

    public Backend backend() {
        return backend;
    }

    public int status() {
        return status;
    }
}
