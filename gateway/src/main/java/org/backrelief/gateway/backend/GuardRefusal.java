package org.backrelief.gateway.backend;

/**
 * The guard did not let a call reach the backend, or gave up waiting for it. Never retried; rendered as 503.
 */
public final class GuardRefusal extends RuntimeException {

    public enum Reason {
        /** The circuit is open: the backend failed too often recently. */
        CIRCUIT_OPEN,
        /** Too many calls to the backend are in flight already. */
        OVERLOADED,
        /** The backend did not answer in time. */
        TIMEOUT
    }

    private final Reason reason;

    public GuardRefusal(Backend backend, Reason reason) {
        super(backend.serviceName() + ": " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
