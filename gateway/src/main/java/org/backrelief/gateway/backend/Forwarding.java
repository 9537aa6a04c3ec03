package org.backrelief.gateway.backend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.backrelief.common.web.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Captures the {@link ForwardedHeaders} of the request being served. */
@ApplicationScoped
public class Forwarding {

    private final HttpHeaders headers;
    /*
     * With the OpenTelemetry SDK on, the gateway's own span context is propagated; with it off (the default), the
     * gateway passes the caller's trace context on untouched so the trace stays connected.
     */
    private final boolean passTraceContext;

    @Inject
    public Forwarding(HttpHeaders headers,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean otelDisabled) {
        this.headers = headers;
        this.passTraceContext = otelDisabled;
    }

    public ForwardedHeaders current() {
        return ForwardedHeaders.of(headers, RequestIds.current(), passTraceContext);
    }
}
