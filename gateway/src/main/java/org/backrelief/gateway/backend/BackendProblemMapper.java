package org.backrelief.gateway.backend;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.backrelief.common.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders {@link BackendException} as problem+json: 503 names the backend and says when to retry, 502 is opaque. */
public class BackendProblemMapper {

    @Inject
    BackendSettings settings;

    @ServerExceptionMapper
    public Response backend(BackendException e, UriInfo uri) {
        String path = uri == null ? null : uri.getRequestUri().getRawPath();
        if (e.status() == 503) {
            return Response.fromResponse(Problems.response(503, "unavailable", "Service unavailable", e.getMessage(),
                    path, List.of())).header(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds()).build();
        }
        return Problems.response(e.status(), "bad-gateway", "Bad gateway", e.getMessage(), path, List.of());
    }
}
