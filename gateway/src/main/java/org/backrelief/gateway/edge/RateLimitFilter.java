package org.backrelief.gateway.edge;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Applies {@link RateLimits} to every API request. */
public class RateLimitFilter {

    @Inject
    RateLimits limits;

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest http) {
        return limits.check(http, http.path());
    }
}
