package org.backrelief.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Accepts or creates the request id, keeps it in the logging context and returns it to the client. */
public class RequestIdFilter {

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void accept(ContainerRequestContext request) {
        String id = RequestIds.acceptOrCreate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(RequestIds.MDC_KEY, id);
        RequestIds.set(id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id.toString());
        }
        RequestIds.clear();
    }
}
