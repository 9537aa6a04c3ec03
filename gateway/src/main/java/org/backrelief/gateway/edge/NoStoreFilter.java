package org.backrelief.gateway.edge;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Personal data must not stay in browser or proxy caches: every {@code /api/v1/me} answer is {@code no-store}. */
public class NoStoreFilter {

    static final String PERSONAL_PREFIX = "/api/v1/me";

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.equals(PERSONAL_PREFIX) || path.startsWith(PERSONAL_PREFIX + "/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
