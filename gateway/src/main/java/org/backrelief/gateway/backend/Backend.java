package org.backrelief.gateway.backend;

/** The services behind the gateway; {@link #serviceName()} is what a 502/503 tells the client. */
public enum Backend {
    CATALOG("catalog-service"),
    PLANNER("planner-service"),
    TRACKING("tracking-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
