package org.backrelief.gateway.backend;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runtime settings of the backend relay (a normal-scoped bean, so providers read them at runtime). */
@ApplicationScoped
public class BackendSettings {

    @ConfigProperty(name = "backrelief.backend.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    /** How long a client is told to wait after a 503 caused by an unavailable backend. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
