package org.backrelief.gateway.backend;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** tracking-service's internal API; {@code userId} is always the caller's token subject. */
@RegisterRestClient(configKey = "tracking")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface TrackingClient {

    @GET
    @Path("/users/{userId}/history")
    Uni<Response> history(@BeanParam ForwardedHeaders headers, @PathParam("userId") String userId,
            @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/users/{userId}/history.csv")
    @Produces("text/csv")
    Uni<Response> historyCsv(@BeanParam ForwardedHeaders headers, @PathParam("userId") String userId,
            @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/users/{userId}/stats")
    Uni<Response> stats(@BeanParam ForwardedHeaders headers, @PathParam("userId") String userId,
            @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/users/{userId}/pain-trend")
    Uni<Response> painTrend(@BeanParam ForwardedHeaders headers, @PathParam("userId") String userId,
            @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/users/{userId}/exercises/{exerciseId}/stats")
    Uni<Response> exerciseStats(@BeanParam ForwardedHeaders headers, @PathParam("userId") String userId,
            @PathParam("exerciseId") String exerciseId, @RestQuery MultivaluedMap<String, String> query);

    @POST
    @Path("/admin/rebuild")
    Uni<Response> rebuild(@BeanParam ForwardedHeaders headers);
}
